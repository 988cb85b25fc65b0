/// Turns a raw HTTP/1.x response head into ordered header fields.
public enum HTTPResponseHead {
  /// The header fields of `raw` (status line skipped), in order, with obsolete line folding
  /// joined by a space. Bytes are read as UTF-8 when valid, otherwise as ISO-8859-1.
  public static func headers(from raw: [UInt8]) -> [HTTPHeader] {
    var fields: [HTTPHeader] = []
    let newline = UInt8(ascii: "\n")
    // Line by line in place (every response's head passes here, in the crawl and in `score`).
    var start = raw.firstIndex(of: newline).map { $0 + 1 } ?? raw.endIndex  // past the status line
    while start < raw.endIndex {
      let end = raw[start...].firstIndex(of: newline) ?? raw.endIndex
      var line = raw[start..<end]
      start = end + 1
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      if line.isEmpty { break }
      if line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t") {
        guard !fields.isEmpty else { continue }
        let more = text(trimmed(line))
        let last = fields.count - 1
        if !more.isEmpty {
          fields[last].value = fields[last].value.isEmpty ? more : fields[last].value + " " + more
        }
        continue
      }
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
      let name = trimmed(line[line.startIndex..<colon])
      guard !name.isEmpty else { continue }
      fields.append(
        HTTPHeader(name: text(name), value: text(trimmed(line[line.index(after: colon)...]))))
    }
    return fields
  }

  /// `bytes` without leading and trailing spaces and tabs (a header line's name or value).
  package static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }),
      let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return [] }
    return bytes[first...last]
  }

  /// The bytes as UTF-8 when they are valid, otherwise as ISO-8859-1.
  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    String(validating: bytes, as: UTF8.self)
      ?? String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
  }
}
