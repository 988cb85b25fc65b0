import MuniscanCore
import Testing

@Suite struct TextNormalizerTests {
  @Test func foldsCaseDiacriticsAndPunctuation() {
    #expect(TextNormalizer.normalize("Töötasu  ja PALGAJUHEND!") == "tootasu ja palgajuhend")
    #expect(TextNormalizer.normalize("Šokolaadi-žürii, Õismäe") == "sokolaadi zurii oismae")
    #expect(TextNormalizer.normalize("Ёлка и Йошкар") == "елка и иошкар")
    #expect(TextNormalizer.normalize("  e-post: info@vald.ee ") == "e post info vald ee")
    #expect(TextNormalizer.normalize("...") == "")
  }

  @Test func recordsWhereEachWordStartedInTheOriginal() {
    var folded = FoldedText()
    folded.append("Õie, tänav 5", trackWords: true)
    #expect(folded.string == "oie tanav 5")
    #expect(folded.wordStarts.map(\.folded) == [0, 4, 10])
    // "Õ" and "ä" take two UTF-8 bytes in the original.
    #expect(folded.wordStarts.map(\.original) == [0, 6, 13])
  }
}
