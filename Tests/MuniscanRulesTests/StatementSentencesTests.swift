import Testing

@testable import MuniscanRules

/// A statement is looked for sentence by sentence; the scalar path that cuts most pages into
/// sentences must cut exactly where reading character by character cuts, and leave every other
/// text to the character path.
@Suite struct StatementSentencesTests {
  typealias Compiled = StatementTest.Compiled

  /// The scalars the scalar path takes.
  let taken: [Unicode.Scalar] = [
    0x09...0x2FF, 0x400...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E,
    0x20A0...0x20CF,
  ].flatMap { $0.map { Unicode.Scalar($0)! } }
  /// What sentences turn on, drawn more often than the rest.
  let pivots: [Unicode.Scalar] = [
    ".", "!", "?", " ", " ", "\n", "\r", "\u{A0}", "\u{85}", "\t", "A", "Õ", "Ž", "Д", "a", "õ",
    "д", "2", "ǅ", "ß",
  ]

  private func randomText() -> String {
    var text = String.UnicodeScalarView()
    for _ in 0..<Int.random(in: 0...40) {
      text.append(Bool.random() ? pivots.randomElement()! : taken.randomElement()!)
      if Int.random(in: 0..<16) == 0 { text.append(contentsOf: "\r\n".unicodeScalars) }
    }
    return String(text)
  }

  @Test func theScalarPathCutsWhereCharactersDo() throws {
    for _ in 0..<20_000 {
      let text = randomText()
      let ends = try #require(Compiled.sentenceEndsOnScalars(text))
      #expect(ends == Compiled.sentenceEnds(text), "\(text.unicodeScalars.map(\.value))")
    }
  }

  @Test func textWithCombiningMarksOrOtherScriptsIsLeftToCharacters() {
    #expect(Compiled.sentenceEndsOnScalars("Vald. E\u{301}elarve") == nil)
    #expect(Compiled.sentenceEndsOnScalars("市议会. 预算") == nil)
    #expect(Compiled.sentenceEndsOnScalars("Vald. 👍") == nil)
    #expect(
      Compiled.sentences(of: "Volikogu istung. E\u{301}elarve on avalik.\nLisa")
        == ["Volikogu istung.", " E\u{301}elarve on avalik.", "Lisa"])
  }

  @Test func sentencesEndAtLineBreaksAndAtStopsBeforeCapitals() {
    #expect(
      Compiled.sentences(of: "Istung on 26. oktoobril 2013. a. Päevakord on avalik! Vaata\r\nka")
        == ["Istung on 26. oktoobril 2013. a.", " Päevakord on avalik!", " Vaata\r\n", "ka"])
    #expect(Compiled.sentences(of: "Lõpp. ") == ["Lõpp."])
    #expect(Compiled.sentences(of: "1. 2. \n\n Tere") == [" Tere"])
  }

  @Test func linkTextsAreTakenOutLongestFirstInOneOrderWhateverTheirOrderOnThePage() {
    let texts = ["Eelnõud", "", "Amphora", "dokumendiregister", "Eelnõud", "Õigusaktid", "RT"]
    let expected = ["dokumendiregister", "Õigusaktid", "Amphora", "Eelnõud", "RT"]
    for _ in 0..<20 { #expect(Compiled.longestFirst(texts.shuffled()) == expected) }
  }
}
