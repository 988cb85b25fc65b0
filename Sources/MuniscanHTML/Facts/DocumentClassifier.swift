import MuniscanCore

/// Recognises links to downloadable documents and names their type.
///
/// Budgets, development plans, minutes and annual reports are published as files, so rules look
/// for document links. A link is a document when its path (query ignored) ends in a document
/// extension, when a Liferay (KOVTP) path carries the file name before its UUID
/// (`/documents/1/2/Eelarve+2025.pdf/<uuid>`), when it is a Drupal `/media/<id>/download` link, or
/// when its `type` attribute names a document format.
enum DocumentClassifier {
  static let extensions: Set<String> = [
    "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "bdoc", "asice", "ddoc", "zip",
  ]

  private static let mediaTypes: [String: String] = [
    "application/pdf": "pdf", "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt", "application/rtf": "rtf",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.spreadsheet": "ods", "application/zip": "zip",
    "application/vnd.etsi.asic-e+zip": "asice",
  ]

  /// The document type and file name of a resolved link, or nil when it is not a document.
  static func classify(url: String, typeAttribute: String?) -> (type: String, fileName: String)? {
    var url = url
    return url.withUTF8 { classify(bytes: $0, typeAttribute: typeAttribute) }
  }

  private static func classify(bytes: UnsafeBufferPointer<UInt8>, typeAttribute: String?) -> (
    type: String, fileName: String
  )? {
    let path = pathRange(of: bytes)
    guard let last = segment(before: path.upperBound, in: bytes, from: path.lowerBound) else {
      return typeAttribute.flatMap { mediaTypes[$0.trimmingWhitespace().lowercased()] }.map {
        ($0, "")
      }
    }
    if let type = fileExtension(bytes, last) { return (type, decodedFileName(bytes, last)) }
    if let first = segment(after: path.lowerBound, in: bytes, to: path.upperBound),
      equals(bytes, first, "documents")
    {
      // Liferay: /documents/<group>/<folder>/<name.pdf>/<uuid>
      var end = last.lowerBound
      while let current = segment(before: end, in: bytes, from: first.upperBound) {
        if let type = fileExtension(bytes, current) {
          return (type, decodedFileName(bytes, current))
        }
        end = current.lowerBound
      }
    }
    if let typeAttribute,
      let type = mediaTypes[typeAttribute.trimmingWhitespace().lowercased()]
    {
      return (type, decodedFileName(bytes, last))
    }
    if equals(bytes, last, "download"),
      let id = segment(before: last.lowerBound, in: bytes, from: path.lowerBound),
      bytes[id].allSatisfy({ $0 &- 0x30 < 10 }),
      let media = segment(before: id.lowerBound, in: bytes, from: path.lowerBound),
      equals(bytes, media, "media")
    {
      return ("file", "")
    }
    return nil
  }

  /// The range of the path of an absolute URL (after `scheme://authority`, before `?` or `#`).
  private static func pathRange(of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var start = 0
    var index = 0
    while index + 2 < bytes.count {
      let byte = bytes[index]
      if byte == 0x3A, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F {
        index += 3
        while index < bytes.count, bytes[index] != 0x2F, bytes[index] != 0x3F,
          bytes[index] != 0x23
        {
          index += 1
        }
        start = index
        break
      }
      if byte == 0x2F || byte == 0x3F || byte == 0x23 { break }
      index += 1
    }
    var end = start
    while end < bytes.count, bytes[end] != 0x3F, bytes[end] != 0x23 { end += 1 }
    return start..<end
  }

  /// The non-empty segment ending at or before `end` (skipping slashes), not before `start`.
  private static func segment(
    before end: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  )
    -> Range<Int>?
  {
    var upper = end
    while upper > start, bytes[upper - 1] == 0x2F { upper -= 1 }
    guard upper > start else { return nil }
    var lower = upper
    while lower > start, bytes[lower - 1] != 0x2F { lower -= 1 }
    return lower..<upper
  }

  /// The first non-empty segment at or after `start`, before `end`.
  private static func segment(after start: Int, in bytes: UnsafeBufferPointer<UInt8>, to end: Int)
    -> Range<Int>?
  {
    var lower = start
    while lower < end, bytes[lower] == 0x2F { lower += 1 }
    guard lower < end else { return nil }
    var upper = lower
    while upper < end, bytes[upper] != 0x2F { upper += 1 }
    return lower..<upper
  }

  /// The lower-case extension of a path segment when it is a document extension.
  private static func fileExtension(_ bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>)
    -> String?
  {
    guard let dot = bytes[segment].lastIndex(of: 0x2E), dot > segment.lowerBound,
      segment.upperBound - dot - 1 <= 5, segment.upperBound - dot - 1 >= 3
    else { return nil }
    let type = String(
      decoding: bytes[(dot + 1)..<segment.upperBound].map(\.asciiLowercased), as: UTF8.self)
    return extensions.contains(type) ? type : nil
  }

  private static func equals(
    _ bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>, _ literal: StaticString
  ) -> Bool {
    guard segment.count == literal.utf8CodeUnitCount else { return false }
    let pointer = literal.utf8Start
    for offset in 0..<segment.count where bytes[segment.lowerBound + offset] != pointer[offset] {
      return false
    }
    return true
  }

  private static func decodedFileName(_ bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>)
    -> String
  {
    decodedFileName(String(decoding: bytes[segment], as: UTF8.self))
  }

  /// A file name for display: percent-decoded, `+` as a space (Liferay writes spaces so).
  static func decodedFileName(_ segment: String) -> String {
    var bytes: [UInt8] = []
    let raw = Array(segment.utf8)
    var index = 0
    while index < raw.count {
      let byte = raw[index]
      if byte == 0x25, index + 2 < raw.count, let value = hexValue(raw[index + 1], raw[index + 2]) {
        bytes.append(value)
        index += 3
      } else {
        bytes.append(byte == 0x2B ? 0x20 : byte)
        index += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func hexValue(_ high: UInt8, _ low: UInt8) -> UInt8? {
    func nibble(_ byte: UInt8) -> UInt8? {
      switch byte {
      case 0x30...0x39: return byte - 0x30
      case 0x41...0x46: return byte - 0x37
      case 0x61...0x66: return byte - 0x57
      default: return nil
      }
    }
    guard let high = nibble(high), let low = nibble(low) else { return nil }
    return high << 4 | low
  }
}
