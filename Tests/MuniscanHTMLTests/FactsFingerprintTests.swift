import MuniscanCore
import MuniscanHTML
import Testing

/// Stored page facts are used only by an analysis that would compute the same facts: the
/// fingerprint changes with everything facts depend on besides the page, and with nothing else.
@Suite struct FactsFingerprintTests {
  let queries: [PageQuery] = [.css("a.dokument"), .xpath("//h1")]

  @Test func theSameRuleSetGivesTheSameFingerprintWhateverTheOrder() throws {
    let locale = try ShippedLocale.of("ee")
    let fingerprint = FactsFingerprint.of(queries: queries, locale: locale)
    #expect(FactsFingerprint.of(queries: queries.reversed(), locale: locale) == fingerprint)
    #expect(FactsFingerprint.of(queries: queries + [queries[0]], locale: locale) == fingerprint)
    // Sets and dictionaries rebuilt (in another order of insertion) hash alike.
    var rebuilt = locale
    rebuilt.negations = Set(locale.negations.sorted().reversed())
    rebuilt.dates.dayFirstMonths = Dictionary(
      uniqueKeysWithValues: locale.dates.dayFirstMonths.sorted { $0.key > $1.key }.map { ($0, $1) })
    #expect(FactsFingerprint.of(queries: queries, locale: rebuilt) == fingerprint)
    // A known value: the fingerprint must not depend on the process (no seeded hashing).
    #expect(FactsFingerprint.of(queries: [], locale: .none) == 0xf337_be5a_8465_33f6)
  }

  @Test func anotherLocaleOrOtherQueriesGiveAnotherFingerprint() throws {
    let estonian = try ShippedLocale.of("ee")
    let fingerprint = FactsFingerprint.of(queries: queries, locale: estonian)
    #expect(FactsFingerprint.of(queries: [], locale: estonian) != fingerprint)
    #expect(FactsFingerprint.of(queries: [.css("a.dokument")], locale: estonian) != fingerprint)
    #expect(
      FactsFingerprint.of(queries: [.xpath("a.dokument"), .xpath("//h1")], locale: estonian)
        != fingerprint)
    #expect(
      FactsFingerprint.of(queries: queries, locale: try ShippedLocale.of("fi-generic"))
        != fingerprint)
    var locale = estonian
    locale.backWords.insert("tagasi2")
    #expect(FactsFingerprint.of(queries: queries, locale: locale) != fingerprint)
    locale = estonian
    locale.phones = nil
    #expect(FactsFingerprint.of(queries: queries, locale: locale) != fingerprint)
    locale = estonian
    locale.dates.ordinals.append("th")
    #expect(FactsFingerprint.of(queries: queries, locale: locale) != fingerprint)
  }
}
