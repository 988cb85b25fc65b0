/// Short, readable excerpts of page text for evidence.
enum Snippet {
  static let limit = 160

  /// Whitespace collapsed and cut to `limit` characters with an ellipsis.
  static func shorten(_ text: String) -> String {
    let collapsed = collapse(text[...])
    guard collapsed.characters > limit else { return collapsed.text }
    return String(collapsed.text.prefix(limit - 1)) + "…"
  }

  /// `text` split at whitespace characters and joined by single spaces, and how many characters
  /// that has.
  static func collapse(_ text: Substring) -> (text: String, characters: Int) {
    if let simple = collapseScalars(text) { return simple }
    let collapsed = String(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return (collapsed, collapsed.count)
  }

  /// ``collapse(_:)`` on UTF-8 bytes, for text of ``OneScalarCharacters`` only (CR LF is
  /// whitespace either way). Nil for any other text, which characters must split.
  static func collapseScalars(_ text: Substring) -> (text: String, characters: Int)? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var characters = 0
    var space = false
    var utf8 = text.utf8.makeIterator()
    while let lead = utf8.next() {
      var scalar = (lead, UInt8(0), UInt8(0))
      let width: Int
      let whitespace: Bool
      if lead < 0x80 {
        width = 1
        whitespace = OneScalarCharacters.isSpace(UInt32(lead))
      } else if lead < 0xE0 {
        guard let second = utf8.next() else { return nil }
        scalar.1 = second
        width = 2
        let value = UInt32(lead & 0x1F) << 6 | UInt32(second & 0x3F)
        guard OneScalarCharacters.contains(value) else { return nil }
        whitespace = OneScalarCharacters.isSpace(value)
      } else {
        guard lead < 0xF0, let second = utf8.next(), let third = utf8.next() else { return nil }
        scalar.1 = second
        scalar.2 = third
        width = 3
        let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
        guard OneScalarCharacters.contains(value) else { return nil }
        whitespace = OneScalarCharacters.isSpace(value)
      }
      if whitespace {
        space = !bytes.isEmpty
        continue
      }
      if space {
        bytes.append(0x20)
        characters += 1
        space = false
      }
      bytes.append(scalar.0)
      if width > 1 { bytes.append(scalar.1) }
      if width > 2 { bytes.append(scalar.2) }
      characters += 1
    }
    return (String(decoding: bytes, as: UTF8.self), characters)
  }

  /// About `limit` characters of `text` around a match.
  static func around(_ range: Range<String.Index>, in text: String) -> String {
    let start =
      text.index(range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
    let end = text.index(start, offsetBy: limit, limitedBy: text.endIndex) ?? text.endIndex
    return decorate(
      text[start..<end], cutStart: start > text.startIndex, cutEnd: end < text.endIndex)
  }

  /// About `limit` characters of `text` around a UTF-8 offset.
  static func around(utf8Offset: Int, in text: String) -> String {
    let utf8 = text.utf8
    var position = utf8.index(utf8.startIndex, offsetBy: min(utf8Offset, utf8.count))
    while position > utf8.startIndex, position.samePosition(in: text.unicodeScalars) == nil {
      position = utf8.index(before: position)
    }
    return around(position..<position, in: text)
  }

  /// The sentence of `text` around a UTF-8 offset: from the end of the sentence before (`.`,
  /// `!`, `?` or a line break) to the end of its own, and whether it ends with `?`.
  static func sentence(utf8Offset: Int, in text: String) -> (text: Substring, isQuestion: Bool) {
    let utf8 = text.utf8
    func ends(_ byte: UInt8) -> Bool {
      byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x0A
    }
    var start = utf8.index(utf8.startIndex, offsetBy: min(utf8Offset, utf8.count))
    var end = start
    while start > utf8.startIndex, !ends(utf8[utf8.index(before: start)]) {
      start = utf8.index(before: start)
    }
    while end < utf8.endIndex, !ends(utf8[end]) { end = utf8.index(after: end) }
    return (Substring(utf8[start..<end]), end < utf8.endIndex && utf8[end] == 0x3F)
  }

  private static func decorate(_ text: Substring, cutStart: Bool, cutEnd: Bool) -> String {
    let body = collapse(text).text
    return (cutStart ? "…" : "") + body + (cutEnd ? "…" : "")
  }
}
