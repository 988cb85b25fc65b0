/// A compact binary form of PageFacts, so a crawl can keep its pages on disk rather than in
/// memory while it runs, and keep them beside its archive for `score`: an order of magnitude
/// faster to write and read than JSON. Strings are length-prefixed UTF-8, integers LEB128.
/// Nothing in the bytes versions them: an archive's facts records carry a fingerprint that
/// includes `PageAnalyzer.factsVersion`, which must be bumped when this form changes.
///
/// Every stored property of PageFacts and its parts is written; a test counts them, so a field
/// added to PageFacts without being added here fails the build's tests rather than vanishing.
extension PageFacts {
  /// Appends the facts to `bytes`.
  public func encode(into bytes: inout [UInt8]) {
    BinaryWriter.append(to: &bytes) { writer in write(to: &writer) }
  }

  /// Every field, in the order `read` reads them.
  private func write(to writer: inout BinaryWriter) {
    writer.string(url)
    writer.int(depth)
    writer.int(status)
    writer.string(contentType)
    writer.string(title)
    writer.optional(lang) { $0.string($1) }
    writer.array(headings) { writer, heading in
      writer.int(heading.level)
      writer.string(heading.text)
    }
    writer.array(links) { writer, link in
      writer.string(link.text)
      writer.string(link.url)
      writer.string(link.region.rawValue)
      writer.optional(link.context) { $0.string($1) }
    }
    writer.array(documents) { writer, document in
      writer.string(document.url)
      writer.string(document.text)
      writer.string(document.type)
      writer.optional(document.status) { $0.int($1) }
      writer.optional(document.size) { $0.int($1) }
      writer.optional(document.contentType) { $0.string($1) }
      writer.optional(document.lastModified) { $0.day($1) }
      writer.optional(document.context) { $0.string($1) }
    }
    writer.array(embeds) { $0.string($1) }
    writer.string(text)
    writer.array(emails) { $0.string($1) }
    writer.array(phones) { $0.string($1) }
    writer.array(dates) { $0.day($1) }
    writer.optional(lastModified) { $0.day($1) }
    writer.array(queries.sorted { $0.key < $1.key }) { writer, query in
      writer.string(query.key)
      writer.string(query.value.snippet)
      writer.int(query.value.count)
    }
  }

  /// Reads facts that `encode(into:)` wrote, starting at `offset` and moving it past them; nil
  /// when the bytes end early or are not such facts.
  public init?(decoding bytes: [UInt8], at offset: inout Int) {
    var reader = BinaryReader(bytes: bytes, offset: offset)
    guard let facts = try? Self.read(&reader) else { return nil }
    offset = reader.offset
    self = facts
  }

  private static func read(_ reader: inout BinaryReader) throws(BinaryReader.Failure) -> PageFacts {
    var facts = PageFacts(url: try reader.string())
    facts.depth = try reader.int()
    facts.status = try reader.int()
    facts.contentType = try reader.string()
    facts.title = try reader.string()
    facts.lang = try reader.optional { reader throws(BinaryReader.Failure) in try reader.string() }
    facts.headings = try reader.array { reader throws(BinaryReader.Failure) in
      Heading(level: try reader.int(), text: try reader.string())
    }
    facts.links = try reader.array { reader throws(BinaryReader.Failure) in
      let text = try reader.string()
      let url = try reader.string()
      guard let region = PageRegion(rawValue: try reader.string()) else { throw .invalid }
      let context = try reader.optional { reader throws(BinaryReader.Failure) in
        try reader.string()
      }
      return Link(text: text, url: url, region: region, context: context)
    }
    facts.documents = try reader.array { reader throws(BinaryReader.Failure) in
      DocumentLink(
        url: try reader.string(), text: try reader.string(), type: try reader.string(),
        status: try reader.optional { reader throws(BinaryReader.Failure) in try reader.int() },
        size: try reader.optional { reader throws(BinaryReader.Failure) in try reader.int() },
        contentType: try reader.optional { reader throws(BinaryReader.Failure) in
          try reader.string()
        },
        lastModified: try reader.optional { reader throws(BinaryReader.Failure) in try reader.day()
        },
        context: try reader.optional { reader throws(BinaryReader.Failure) in try reader.string() })
    }
    facts.embeds = try reader.array { reader throws(BinaryReader.Failure) in try reader.string() }
    facts.text = try reader.string()
    facts.emails = try reader.array { reader throws(BinaryReader.Failure) in try reader.string() }
    facts.phones = try reader.array { reader throws(BinaryReader.Failure) in try reader.string() }
    facts.dates = try reader.array { reader throws(BinaryReader.Failure) in try reader.day() }
    facts.lastModified = try reader.optional { reader throws(BinaryReader.Failure) in
      try reader.day()
    }
    let queries = try reader.array { reader throws(BinaryReader.Failure) in
      (
        key: try reader.string(),
        match: QueryMatch(snippet: try reader.string(), count: try reader.int())
      )
    }
    facts.queries = Dictionary(
      queries.map { ($0.key, $0.match) }, uniquingKeysWith: { _, last in last })
    return facts
  }
}

/// Appends LEB128 integers and length-prefixed UTF-8 strings to a byte array.
package struct BinaryWriter {
  private var bytes: [UInt8]

  private init(bytes: [UInt8]) { self.bytes = bytes }

  /// Appends to `bytes` what `write` writes, without copying them: the writer holds the only
  /// reference to the array while it writes.
  package static func append(to bytes: inout [UInt8], _ write: (inout BinaryWriter) -> Void) {
    var writer = BinaryWriter(bytes: bytes)
    bytes = []
    write(&writer)
    bytes = writer.bytes
  }

  package mutating func int(_ value: Int) {
    // Zigzag, so small negative numbers stay short too.
    var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  package mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      int(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  package mutating func day(_ value: Day) {
    int(value.year)
    int(value.month)
    int(value.day)
  }

  package mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
    guard let value else { return bytes.append(0) }
    bytes.append(1)
    write(&self, value)
  }

  package mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
    int(values.count)
    for value in values { write(&self, value) }
  }
}

/// Reads what BinaryWriter wrote, failing on bytes that end early or make no sense.
package struct BinaryReader {
  package enum Failure: Error {
    case invalid
  }

  let bytes: [UInt8]
  package var offset: Int

  package init(bytes: [UInt8], offset: Int) {
    self.bytes = bytes
    self.offset = offset
  }

  package mutating func int() throws(Failure) -> Int {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count, shift < 64 else { throw .invalid }
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    let raw = Int(truncatingIfNeeded: value)
    return Int(bitPattern: UInt(bitPattern: raw) >> 1) ^ -(raw & 1)
  }

  package mutating func string() throws(Failure) -> String {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw .invalid }
    defer { offset += count }
    return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
  }

  package mutating func day() throws(Failure) -> Day {
    guard let day = Day(year: try int(), month: try int(), day: try int()) else { throw .invalid }
    return day
  }

  package mutating func optional<T>(_ read: (inout BinaryReader) throws(Failure) -> T)
    throws(Failure) -> T?
  {
    guard offset < bytes.count else { throw .invalid }
    offset += 1
    switch bytes[offset - 1] {
    case 0: return nil
    case 1: return try read(&self)
    default: throw .invalid
    }
  }

  package mutating func array<T>(_ read: (inout BinaryReader) throws(Failure) -> T) throws(Failure)
    -> [T]
  {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw .invalid }
    var values: [T] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try read(&self)) }
    return values
  }
}
