import MuniscanCore
import Testing

@Suite struct TextNormalizerTests {
  @Test func foldsCaseDiacriticsAndPunctuation() {
    #expect(TextNormalizer.normalize("Töötasu  ja PALGAJUHEND!") == "tootasu ja palgajuhend")
    #expect(TextNormalizer.normalize("Šokolaadi-žürii, Õismäe") == "sokolaadi zurii oismae")
    #expect(TextNormalizer.normalize("Ёлка и Йошкар") == "елка и иошкар")
    #expect(TextNormalizer.normalize("  e-post: info@vald.ee ") == "e post info vald ee")
    #expect(TextNormalizer.normalize("...") == "")
    #expect(TextNormalizer.normalize("ПРИВЕТ, Ελλάδα ½ 2026") == "привет ελλάδα ½ 2026")
  }

  @Test func appendedTextsAreSeparatedBySpaces() {
    var folded = FoldedText()
    folded.append("Õie,")
    folded.append("tänav 5")
    #expect(folded.string == "oie tanav 5")
  }

  /// The words of a text and where each begins, as the folded bytes give them.
  private func wordsByBytes(_ text: String) -> [(word: [UInt8], offset: Int)] {
    var words: [(word: [UInt8], offset: Int)] = []
    TextNormalizer.forEachFoldedByte(in: text) { byte, start in
      if let start { words.append(([], start)) }
      if start != nil || byte != 0x20 { words[words.count - 1].word.append(byte) }
    }
    return words
  }

  @Test func foldedWordsAreTheWordsOfTheFoldedBytes() {
    let alphabet = Array(
      "aZ09 ,.-õäöüšžÕÄÖÜŠŽßёЁйЙпривет ЖΩ½\u{301}\u{200D}€–\t\n😀中İⱥ".unicodeScalars)
    var buffer: [UInt8] = []
    for _ in 0..<3_000 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...40) { scalars.append(alphabet.randomElement()!) }
      let text = String(scalars)
      var words: [(word: [UInt8], offset: Int)] = []
      TextNormalizer.forEachFoldedWord(in: text, buffer: &buffer) { words.append((Array($0), $1)) }
      let expected = wordsByBytes(text)
      #expect(words.map(\.word) == expected.map(\.word), "\(text)")
      #expect(words.map(\.offset) == expected.map(\.offset), "\(text)")
    }
  }

  /// Words read ASCII through a table of their own: every ASCII byte, between letters and
  /// alone, splits or joins words as the scalar fold says.
  @Test func everyASCIIByteFoldsInWordsAsTheScalarFoldSays() {
    var buffer: [UInt8] = []
    for byte in UInt8(0)..<0x80 {
      for text in ["a\(Character(Unicode.Scalar(byte)))B", String(Unicode.Scalar(byte))] {
        var words: [[UInt8]] = []
        TextNormalizer.forEachFoldedWord(in: text, buffer: &buffer) { word, _ in
          words.append(Array(word))
        }
        #expect(words == wordsByBytes(text).map(\.word), "byte \(byte)")
      }
    }
  }
}
