import MuniscanCore

/// Short, readable excerpts of page text for evidence.
enum Snippet {
  static let limit = 160

  /// Whitespace collapsed and cut to `limit` characters with an ellipsis.
  static func shorten(_ text: String) -> String {
    // Most evidence (a link's text, a window already collapsed) is short and collapsed: kept
    // as it is, without making it again.
    if let characters = text.utf8.withContiguousStorageIfAvailable(collapsedLength) ?? nil,
      characters <= limit
    {
      return text
    }
    if let simple = collapseScalars(text[...]) {
      return cut(simple.text, characters: simple.characters, byScalars: true)
    }
    let collapsed = collapseCharacters(text[...])
    return cut(collapsed.text, characters: collapsed.characters, byScalars: false)
  }

  /// `text` split at whitespace characters and joined by single spaces, and how many characters
  /// that has: for text ``collapseScalars(_:)`` leaves to characters.
  static func collapseCharacters(_ text: Substring) -> (text: String, characters: Int) {
    let collapsed = String(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return (collapsed, collapsed.count)
  }

  /// ``collapseCharacters(_:)`` on UTF-8 bytes, for text of ``OneScalarCharacters`` only (CR LF is
  /// whitespace either way). Nil for any other text, which characters must split.
  static func collapseScalars(_ text: Substring) -> (text: String, characters: Int)? {
    if let result = text.utf8.withContiguousStorageIfAvailable(collapseScalars) { return result }
    var native = String(text)
    native.makeContiguousUTF8()
    return native.utf8.withContiguousStorageIfAvailable(collapseScalars) ?? nil
  }

  /// The same on the text's UTF-8 bytes, read in place and written straight into the new
  /// string (collapsing never lengthens a text).
  private static func collapseScalars(
    _ utf8: UnsafeBufferPointer<UInt8>
  ) -> (text: String, characters: Int)? {
    var characters = 0
    let text = try? String(unsafeUninitializedCapacity: utf8.count) { collapsed in
      var count = 0
      var space = false
      var position = 0
      while position < utf8.count {
        let scalar = UTF8Scalar.decode(at: position, in: utf8)
        // ASCII, most of any text, is all characters of one scalar.
        guard scalar.width == 1 || OneScalarCharacters.contains(scalar.value) else {
          throw NotOneScalar()
        }
        if OneScalarCharacters.isSpace(scalar.value) {
          space = count > 0
          position += scalar.width
          continue
        }
        if space {
          collapsed[count] = 0x20
          count += 1
          characters += 1
          space = false
        }
        collapsed[count] = utf8[position]
        for byte in 1..<scalar.width { collapsed[count + byte] = utf8[position + byte] }
        count += scalar.width
        characters += 1
        position += scalar.width
      }
      return count
    }
    return text.map { ($0, characters) }
  }

  /// How many characters `utf8` has when it is as ``collapseScalars(_:)`` would leave it
  /// (characters of one scalar each, words parted by single spaces, none at either end); nil
  /// otherwise.
  private static func collapsedLength(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
    var characters = 0
    /// Whether a space may not come next: at the start, and after a space.
    var afterSpace = true
    var position = 0
    while position < utf8.count {
      let scalar = UTF8Scalar.decode(at: position, in: utf8)
      guard scalar.width == 1 || OneScalarCharacters.contains(scalar.value) else { return nil }
      let space = OneScalarCharacters.isSpace(scalar.value)
      // Only single spaces between words: no other whitespace, none first, none doubled.
      guard !space || (scalar.value == 0x20 && !afterSpace) else { return nil }
      afterSpace = space
      characters += 1
      position += scalar.width
    }
    return afterSpace ? nil : characters
  }

  /// Text ``collapseScalars(_:)`` leaves to characters.
  private struct NotOneScalar: Error {}

  /// About `limit` characters of `text` around a match: from 60 characters before it. Cut on
  /// the bytes where scalars are characters (``OneScalarCharacters``), else on characters.
  static func around(_ range: Range<String.Index>, in text: String) -> String {
    let utf8 = text.utf8
    let offset = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
    if let window = utf8.withContiguousStorageIfAvailable({
      scalarWindow($0, at: offset, back: 60, length: limit)
    }) ?? nil {
      let start = utf8.index(utf8.startIndex, offsetBy: window.lowerBound)
      let end = utf8.index(start, offsetBy: window.count)
      return decorate(
        Substring(utf8[start..<end]), cutStart: window.lowerBound > 0,
        cutEnd: window.upperBound < utf8.count)
    }
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

  /// The byte range of `length` characters beginning `back` characters before the scalar at
  /// byte `offset` (both cut short by the text's ends), found on the bytes, or nil unless every
  /// scalar it spans, and the one on either side, is a character of its own
  /// (``OneScalarCharacters``, CR left out for CR LF): then scalars are characters there, and
  /// the range is the one stepping over characters gives.
  private static func scalarWindow(
    _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, back: Int, length: Int
  ) -> Range<Int>? {
    func plain(_ position: Int) -> Bool {
      let value = UTF8Scalar.decode(at: position, in: bytes).value
      return value != 0x0D && OneScalarCharacters.contains(value)
    }
    func before(_ position: Int) -> Int {
      var previous = position - 1
      while bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
      return previous
    }
    var start = offset
    for _ in 0..<back where start > 0 {
      start = before(start)
      guard plain(start) else { return nil }
    }
    guard start == 0 || plain(before(start)) else { return nil }
    var end = start
    for _ in 0..<length where end < bytes.count {
      guard plain(end) else { return nil }
      end += UTF8Scalar.decode(at: end, in: bytes).width
    }
    guard end == bytes.count || plain(end) else { return nil }
    return start..<end
  }

  /// The window collapsed, with an ellipsis on each side where the text goes on, and cut as
  /// ``shorten(_:)`` cuts evidence (a window of `limit` characters and its ellipses is one or
  /// two over). A window of one-scalar characters is counted as it collapses, and cut without
  /// being collapsed again.
  private static func decorate(_ text: Substring, cutStart: Bool, cutEnd: Bool) -> String {
    guard let body = collapseScalars(text) else {
      // Shortened whole, collapsed again: on characters collapsing twice is not collapsing once
      // (a space and the combining mark after it are one character, whitespace or not by
      // where the split left them), and evidence has always been the window shortened.
      return shorten((cutStart ? "…" : "") + collapseCharacters(text).text + (cutEnd ? "…" : ""))
    }
    let ends = (cutStart ? 1 : 0) + (cutEnd ? 1 : 0)
    return cut(
      (cutStart ? "…" : "") + body.text + (cutEnd ? "…" : ""), characters: body.characters + ends,
      byScalars: true)
  }

  /// Collapsed `text`, `characters` long, cut to `limit` characters, the last an ellipsis, when
  /// it is longer: on its bytes when every character of it is one scalar (``OneScalarCharacters``,
  /// `byScalars`), else on characters.
  private static func cut(_ text: String, characters: Int, byScalars: Bool) -> String {
    guard characters > limit else { return text }
    guard byScalars else { return String(text.prefix(limit - 1)) + "…" }
    let utf8 = text.utf8
    var scalars = 0
    var end = utf8.startIndex
    while end < utf8.endIndex {
      if utf8[end] & 0xC0 != 0x80 {
        if scalars == limit - 1 { break }
        scalars += 1
      }
      end = utf8.index(after: end)
    }
    return String(Substring(utf8[..<end])) + "…"
  }
}
