import Testing

@testable import MuniscanRules

@Suite struct PhraseMatcherTests {
  private func matcher(_ sources: [String]) -> (PhraseMatcher, [Phrase]) {
    let phrases = sources.compactMap(Phrase.init)
    return (PhraseMatcher(phrases: Set(phrases)), phrases)
  }

  @Test func textScanGivesTheOriginalOffsetOfTheFirstOccurrence() throws {
    let (matcher, phrases) = matcher(["tänav", "oie", "eelarve*", "2026 eelarve"])
    let text = "Õie, tänav 5. Vaata 2026. aasta EELARVET ja eelarve 2026 eelarve."
    let found = matcher.occurrences(inText: text).mapValues(\.first)
    let offsets = try phrases.map { try #require(matcher.id(of: $0)) }.map { found[$0] }
    // "Õ" and "ä" take two UTF-8 bytes in the original.
    #expect(offsets[0] == 6)
    #expect(offsets[1] == 0)
    #expect(
      offsets[2] == Array(text.utf8).count - Array("EELARVET ja eelarve 2026 eelarve.".utf8).count)
    #expect(offsets[3] == Array(text.utf8).count - Array("2026 eelarve.".utf8).count)
  }

  @Test func textScanMatchesWholeWordsOnly() throws {
    let (matcher, phrases) = matcher(["eelarve", "arve"])
    let found = matcher.occurrences(inText: "eelarvestus; arvete tasumine")
    #expect(found.isEmpty)
    let whole = matcher.occurrences(inText: "(eelarve) ja eelarve").mapValues(\.count)
    #expect(whole[try #require(matcher.id(of: phrases[0]))] == 2)
  }

  @Test func textScanFindsWhatTheFoldedBlobFinds() throws {
    let sources = ["volikogu", "volikogu istung*", "õigusakt*", "а", "1", "kontakt", "ь"]
    let (matcher, phrases) = matcher(sources)
    let texts = [
      "", "...", "Volikogu  ISTUNGID, õigusaktid!", "vald·kontakt—1", "Контакты а б",
      "ÕigusAKT volikogu", "x volikogu", "kontaktid", "ь",
    ]
    for text in texts {
      let scanned = Set(matcher.occurrences(inText: text).mapValues(\.first).keys)
      let blob = FoldedBlob([text], matcher: matcher)
      let expected = Set(
        phrases.compactMap(matcher.id(of:)).filter { !blob.items(matching: $0).isEmpty })
      #expect(scanned == expected, "\(text)")
    }
  }
}
