/// Short, readable excerpts of page text for evidence.
enum Snippet {
  static let limit = 160

  /// Whitespace collapsed and cut to `limit` characters with an ellipsis.
  static func shorten(_ text: String) -> String {
    let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard collapsed.count > limit else { return collapsed }
    return String(collapsed.prefix(limit - 1)) + "…"
  }

  /// About `limit` characters of `text` around a match.
  static func around(_ range: Range<String.Index>, in text: String) -> String {
    let start =
      text.index(range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
    let end = text.index(start, offsetBy: limit, limitedBy: text.endIndex) ?? text.endIndex
    return decorate(
      String(text[start..<end]), cutStart: start > text.startIndex, cutEnd: end < text.endIndex)
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
    let ends: Set<UInt8> = [0x2E, 0x21, 0x3F, 0x0A]
    var start = utf8.index(utf8.startIndex, offsetBy: min(utf8Offset, utf8.count))
    var end = start
    while start > utf8.startIndex, !ends.contains(utf8[utf8.index(before: start)]) {
      start = utf8.index(before: start)
    }
    while end < utf8.endIndex, !ends.contains(utf8[end]) { end = utf8.index(after: end) }
    return (Substring(utf8[start..<end]), end < utf8.endIndex && utf8[end] == 0x3F)
  }

  private static func decorate(_ text: String, cutStart: Bool, cutEnd: Bool) -> String {
    let body = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return (cutStart ? "…" : "") + body + (cutEnd ? "…" : "")
  }
}
