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

  @Test func theBytePathCollapsesAsCharactersDo() {
    // Every scalar the byte path accepts, some it leaves to characters, and whitespace of both.
    var alphabet: [Unicode.Scalar] = []
    for value in UInt32(0x09)...0x52F {
      if let scalar = Unicode.Scalar(value), value < 0x300 || value >= 0x400 {
        alphabet.append(scalar)
      }
    }
    alphabet += ["\u{0301}", "\u{0483}", "\u{2003}", "\u{3000}", "\u{1F600}", "\r\n"].flatMap {
      $0.unicodeScalars
    }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...24, using: &generator) {
        text.append(
          Bool.random(using: &generator)
            ? " " : alphabet.randomElement(using: &generator)!)
      }
      let string = String(text)
      let collapsed = Snippet.collapse(string[...])
      let expected = reference(string)
      #expect(collapsed.text == expected.text && collapsed.characters == expected.characters)
    }
  }

  @Test func theBytePathTakesLatinAndCyrillicOnly() {
    #expect(Snippet.collapseScalars(" Valla\u{A0}eelarve \r\n 2026\tОтчёт ") != nil)
    #expect(Snippet.collapseScalars("e\u{0301}") == nil)
    #expect(Snippet.collapseScalars("a\u{2003}b") == nil)
    #expect(
      Snippet.collapse(" Valla\u{A0}eelarve \r\n 2026\tОтчёт ").text == "Valla eelarve 2026 Отчёт")
  }

  @Test func longTextIsCutWithAnEllipsis() {
    let long = String(repeating: "õ ", count: 200)
    let shortened = Snippet.shorten(long)
    #expect(shortened.count == Snippet.limit)
    #expect(shortened.hasSuffix("…"))
    #expect(Snippet.shorten("  lühike  tekst ") == "lühike tekst")
  }
}
