/// Turns a raw HTTP/1.x response head into ordered header fields.
public enum HTTPResponseHead {
  /// The header fields of `raw` (status line skipped), in order, with obsolete line folding
  /// joined by a space. Bytes are read as UTF-8 when valid, otherwise as ISO-8859-1.
  public static func headers(from raw: [UInt8]) -> [HTTPHeader] {
    var fields: [HTTPHeader] = []
    var lines = raw.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .map { line in line.last == UInt8(ascii: "\r") ? line.dropLast() : line }
    if !lines.isEmpty { lines.removeFirst() }  // the status line
    for line in lines {
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

  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var scalars = String.UnicodeScalarView()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): scalars.append(scalar)
      case .emptyInput: break loop
      case .error:
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
      }
    }
    return String(scalars)
  }
}
