import Testing

@testable import MuniscanRules

@Suite struct PhraseMatcherTests {
  private static let estonian = LanguageStemmings(languages: ["et", "ru"]).fallback

  private func matcher(_ sources: [String], stemmings: [Stemming] = [.none]) -> (
    PhraseMatcher, [Phrase]
  ) {
    let phrases = sources.compactMap(Phrase.init)
    return (PhraseMatcher(phrases: Set(phrases), stemmings: stemmings), phrases)
  }

  /// The phrases (by source) found in `text`, by the text scan and as the one item of an item
  /// index, which must agree.
  private func found(_ text: String, _ sources: [String], stemming: Stemming) -> Set<String> {
    let (matcher, phrases) = matcher(sources, stemmings: [stemming])
    let scanned = Set(matcher.occurrences(inText: text, stemming: stemming).keys)
    let items = ItemPhrases([(text: text, stems: StemCache(stemming, matcher: matcher))])
    let inItem = Set(
      phrases.compactMap(matcher.id(of:)).filter { !items.items(matching: $0).isEmpty })
    #expect(scanned == inItem, "\(text)")
    return Set(phrases.filter { scanned.contains(matcher.id(of: $0)!) }.map(\.source))
  }

  @Test func textScanGivesTheOriginalOffsetOfTheFirstOccurrence() throws {
    let (matcher, phrases) = matcher(["tänav", "oie", "eelarve*", "2026 eelarve"])
    let text = "Õie, tänav 5. Vaata 2026. aasta EELARVET ja eelarve 2026 eelarve."
    let found = matcher.occurrences(inText: text, stemming: .none).mapValues(\.first)
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
    let found = matcher.occurrences(inText: "eelarvestus; arvete tasumine", stemming: .none)
    #expect(found.isEmpty)
    let whole = matcher.occurrences(inText: "(eelarve) ja eelarve", stemming: .none)
    #expect(whole[try #require(matcher.id(of: phrases[0]))]?.count == 2)
  }

  @Test func textScanFindsWhatTheItemIndexFinds() throws {
    let sources = [
      "volikogu", "volikogu istung*", "õigusakt*", "а", "1", "kontakt", "ь", "=kord", "*volikogu",
      "*noorte*",
    ]
    let texts = [
      "", "...", "Volikogu  ISTUNGID, õigusaktid!", "vald·kontakt—1", "Контакты а б",
      "ÕigusAKT volikogu", "x volikogu", "kontaktid", "ь", "kord korda", "noortevolikogus",
      "linnanoortekogu",
    ]
    for text in texts {
      _ = found(text, sources, stemming: Self.estonian)
      _ = found(text, sources, stemming: .none)
    }
  }

  @Test func stemmedPhrasesFindInflectedForms() {
    let sources = ["mittetulundusliku tegevuse toetamine", "volikogu liikmed", "собрание"]
    #expect(
      found("Mittetulundusliku tegevuse toetamise kord", sources, stemming: Self.estonian)
        == ["mittetulundusliku tegevuse toetamine"])
    #expect(
      found("Volikogu liikmete kontaktid", sources, stemming: Self.estonian) == ["volikogu liikmed"]
    )
    #expect(found("заседание собрания", sources, stemming: Self.estonian) == ["собрание"])
    #expect(found("Volikogu liikmete kontaktid", sources, stemming: .none).isEmpty)
  }

  @Test func aLeadingStarFindsTheLastMemberOfACompound() {
    let sources = ["*toetus", "*volikogu liikmed", "*kord", "volikogu"]
    #expect(found("Tegevustoetuse taotlemine", sources, stemming: Self.estonian) == ["*toetus"])
    #expect(found("toetus", sources, stemming: Self.estonian) == ["*toetus"])
    // Without the star, the youth council (noortevolikogu) is not the council (volikogu).
    #expect(
      found("Noortevolikogu liikmed", sources, stemming: Self.estonian) == ["*volikogu liikmed"])
    // Too short a head ("ex", "re") is not a compound.
    #expect(found("extoetus rekord", sources, stemming: Self.estonian).isEmpty)
  }

  @Test func exactPhrasesAreNeitherStemmedNorCompounds() {
    let sources = ["=kord", "=volikogu liikmed"]
    #expect(found("korda kodukord", sources, stemming: Self.estonian).isEmpty)
    #expect(found("volikogu liikmete", sources, stemming: Self.estonian).isEmpty)
    #expect(
      found("Kord: Volikogu liikmed", sources, stemming: Self.estonian)
        == ["=kord", "=volikogu liikmed"])
  }

  @Test func aPhraseIsLookedForInTextOfTheLanguageItWasStemmedFor() {
    let stemmings = LanguageStemmings(languages: ["et", "en"])
    let (matcher, phrases) = matcher(["määrused"], stemmings: stemmings.all)
    let id = matcher.id(of: phrases[0])!
    // As English, "määrused" would lose "-ed" and meet the Estonian singular "määrus".
    let estonian = stemmings.stemming(forPageLanguage: "et")
    #expect(matcher.occurrences(inText: "Volikogu määrus nr 12", stemming: estonian)[id] == nil)
    #expect(matcher.occurrences(inText: "Volikogu määrused", stemming: estonian)[id] != nil)
  }
}
