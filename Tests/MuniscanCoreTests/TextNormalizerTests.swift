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
}
