import Testing

@testable import MuniscanRules

/// Evidence snippets collapse whitespace as splitting at whitespace characters does; the byte
/// path taken for Latin and Cyrillic text must give exactly that, and leave every other text to
/// the character path.
@Suite struct SnippetTests {
  /// Splitting at whitespace characters, as snippets were made before the byte path.
  func reference(_ text: String) -> (text: String, characters: Int) {
    let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return (collapsed, collapsed.count)
  }

  /// Collapsed as snippets are: on the bytes where every scalar is a character, else on
  /// characters.
  func collapse(_ text: Substring) -> (text: String, characters: Int) {
    Snippet.collapseScalars(text) ?? Snippet.collapseCharacters(text)
  }

  /// The scalars the byte path takes, whitespace among them.
  let taken: [Unicode.Scalar] = [
    0x09...0x2FF, 0x400...0x482, 0x48A...0x52F, 0x2010...0x2027,
    0x2030...0x205E, 0x20A0...0x20CF,
  ].flatMap { $0.map { Unicode.Scalar($0)! } }
  /// Scalars it leaves to characters: combining marks, joiners, other spaces, emoji.
  let left: [Unicode.Scalar] = [
    0x300...0x36F, 0x483...0x489, 0x2000...0x200F, 0x2028...0x202F,
    0x205F...0x206F, 0x20D0...0x20FF, 0x3000...0x3000, 0x1F600...0x1F600,
  ].flatMap {
    $0.map { Unicode.Scalar($0)! }
  }

  private func randomText(_ alphabet: [Unicode.Scalar]) -> String {
    var text = String.UnicodeScalarView()
    for _ in 0..<Int.random(in: 0...24) {
      text.append(Bool.random() ? " " : alphabet.randomElement()!)
    }
    if Int.random(in: 0..<8) == 0 { text.append(contentsOf: "\r\n".unicodeScalars) }
    return String(text)
  }

  @Test func theBytePathCollapsesAsCharactersDo() throws {
    for _ in 0..<5_000 {
      let text = randomText(taken)
      let collapsed = try #require(Snippet.collapseScalars(text[...]))
      let expected = reference(text)
      #expect(collapsed.text == expected.text && collapsed.characters == expected.characters)
    }
  }

  @Test func otherTextIsSplitByCharacters() {
    for _ in 0..<5_000 {
      let text = randomText(taken + left)
      let collapsed = collapse(text[...])
      let expected = reference(text)
      #expect(collapsed.text == expected.text && collapsed.characters == expected.characters)
    }
    for scalar in left {
      #expect(
        Snippet.collapseScalars("a\(scalar)b"[...]) == nil, "U+\(String(scalar.value, radix: 16))")
    }
  }

  @Test func theBytePathTakesLatinAndCyrillicOnly() {
    #expect(Snippet.collapseScalars(" Valla\u{A0}eelarve \r\n 2026\tОтчёт – „kava“ 5 €") != nil)
    #expect(Snippet.collapseScalars("e\u{0301}") == nil)
    #expect(Snippet.collapseScalars("a\u{2003}b") == nil)
    #expect(Snippet.collapseScalars("a\u{200D}b") == nil)
    #expect(
      collapse(" Valla\u{A0}eelarve \r\n 2026\tОтчёт ").text == "Valla eelarve 2026 Отчёт")
  }

  /// The window around a match as stepping over characters cuts it, as snippets were made
  /// before the byte path, then cut to the limit as evidence is (``referenceShortened(_:)``).
  func referenceAround(_ range: Range<String.Index>, in text: String) -> String {
    let start =
      text.index(range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
    let end = text.index(start, offsetBy: Snippet.limit, limitedBy: text.endIndex) ?? text.endIndex
    return referenceShortened(
      (start > text.startIndex ? "…" : "") + reference(String(text[start..<end])).text
        + (end < text.endIndex ? "…" : ""))
  }

  /// Collapsed, and cut to the limit on characters with an ellipsis when longer.
  func referenceShortened(_ text: String) -> String {
    let collapsed = reference(text).text
    return collapsed.count > Snippet.limit
      ? String(collapsed.prefix(Snippet.limit - 1)) + "…" : collapsed
  }

  @Test func theWindowAroundAMatchIsCutAsCharactersCutIt() {
    for round in 0..<3_000 {
      // Latin and Cyrillic, so the byte path is taken in about two windows of three; in the
      // others a scalar it leaves to characters, or a CR LF, near the window's edges or in it.
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...400) {
        switch Int.random(in: 0..<1_000) {
        case 0: scalars.append(left.randomElement()!)
        case 1: scalars.append(contentsOf: "\r\n".unicodeScalars)
        case 2..<180: scalars.append(" ")
        default: scalars.append(taken.randomElement()!)
        }
      }
      let text = String(scalars)
      let offsets = Array(text.indices) + [text.endIndex]
      let lower = offsets.randomElement()!
      let upper = offsets.filter { $0 >= lower }.randomElement()!
      #expect(
        Snippet.around(lower..<upper, in: text) == referenceAround(lower..<upper, in: text),
        "round \(round)")
    }
    let latin = String(repeating: "Valla eelarve ", count: 30)
    let match = latin.range(
      of: "eelarve", range: latin.index(latin.startIndex, offsetBy: 200)..<latin.endIndex)!
    #expect(Snippet.around(match, in: latin) == referenceAround(match, in: latin))
  }

  /// Shortening is collapsing and cutting to the limit, whichever path takes the text: texts
  /// already collapsed (most evidence) kept as they are, others collapsed, long ones cut.
  @Test func shorteningIsCollapsingThenCutting() {
    for round in 0..<3_000 {
      var scalars = String.UnicodeScalarView()
      let alphabet = round % 3 == 0 ? taken + left : taken
      for _ in 0..<Int.random(in: 0...400) {
        scalars.append(Int.random(in: 0..<6) == 0 ? " " : alphabet.randomElement()!)
      }
      var text = String(scalars)
      if Bool.random() { text = reference(text).text }
      #expect(Snippet.shorten(text) == referenceShortened(text), "\(text.debugDescription)")
    }
  }

  @Test func longTextIsCutWithAnEllipsis() {
    let long = String(repeating: "õ ", count: 200)
    let shortened = Snippet.shorten(long)
    #expect(shortened.count == Snippet.limit)
    #expect(shortened.hasSuffix("…"))
    #expect(Snippet.shorten("  lühike  tekst ") == "lühike tekst")
    // Cut on characters where they are not single scalars: the accent stays on its letter.
    let accented = String(repeating: "e\u{301} ", count: 200)
    #expect(Snippet.shorten(accented) == String(accented.prefix(Snippet.limit - 1)) + "…")
  }
}
