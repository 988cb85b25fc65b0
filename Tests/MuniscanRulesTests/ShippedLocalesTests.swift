import Foundation
import MuniscanCore
import MuniscanRules
import MuniscanTestSupport
import Testing

private func day(_ text: String) -> Day { Day(iso: text)! }

/// The month names and date orders of the shipped language files, as the shipped rule sets
/// read them.
@Suite struct ShippedLocalesTests {
  /// The shipped rule set `name` (a folder of `rules/`), read with the shipped language files.
  static func load(_ name: String) throws -> RuleSet {
    let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")
    return try RuleSetLoader.load(
      directory: rules.appendingPathComponent(name).path, locales: TemporaryRuleSet.locales)
  }

  static func dates(_ ruleSet: String) throws -> TextDates {
    TextDates(try load(ruleSet).locale.dates)
  }

  @Test func estonianMonthNamesInAnyCaseAndForm() throws {
    let dates = try Self.dates("ee")
    #expect(dates.days(in: "12. märts 2026") == [day("2026-03-12")])
    #expect(dates.days(in: "12. MÄRTS 2026") == [day("2026-03-12")])
    #expect(dates.days(in: "Volikogu kogunes 3. märtsil 2026. aastal") == [day("2026-03-03")])
    #expect(dates.days(in: "taotlused 15. septembriks 2025") == [day("2025-09-15")])
    #expect(
      dates.days(in: "1. mail 2024 ja 24. detsember 2023") == [
        day("2023-12-24"), day("2024-05-01"),
      ])
    #expect(dates.days(in: "7. okt. 2025") == [day("2025-10-07")])
    #expect(dates.days(in: "30.\u{00A0}jaanuar\u{00A0}2026") == [day("2026-01-30")])
    let all = [
      "jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli", "august", "september",
      "oktoober", "november", "detsember",
    ]
    for (index, name) in all.enumerated() {
      #expect(dates.days(in: "2. \(name) 2026") == [Day(year: 2026, month: index + 1, day: 2)!])
    }
    #expect(dates.days(in: "12 mailbox 2026").isEmpty)
  }

  @Test func englishAndRussianDatesOnEstonianSites() throws {
    let dates = try Self.dates("ee")
    #expect(dates.days(in: "Published 12 March 2026") == [day("2026-03-12")])
    #expect(dates.days(in: "on March 12, 2026 the council") == [day("2026-03-12")])
    #expect(dates.days(in: "Sept 3rd 2025") == [day("2025-09-03")])
    #expect(dates.days(in: "1st Feb 2025") == [day("2025-02-01")])
    #expect(dates.days(in: "Заседание 12 марта 2026 г.") == [day("2026-03-12")])
    #expect(dates.days(in: "12 МАРТА 2026") == [day("2026-03-12")])
    #expect(
      dates.days(in: "12.03.2026, 2025-01-05, 12. märts 2026 ja 1.1.2024") == [
        day("2024-01-01"), day("2025-01-05"), day("2026-03-12"),
      ])
  }

  @Test func finnishDatesOnFinnishSites() throws {
    let dates = try Self.dates("fi-generic")
    #expect(dates.days(in: "Valtuusto 23. marraskuuta 2026") == [day("2026-11-23")])
    #expect(
      dates.days(in: "Pöytäkirja 3.2.2026 ja 2026-02-05") == [day("2026-02-03"), day("2026-02-05")])
    #expect(
      dates.days(in: "12. MAALISKUUTA 2026, 1. kesäk. 2025") == [
        day("2025-06-01"), day("2026-03-12"),
      ])
    // Estonian month names and day-first dates with slashes are not Finnish.
    #expect(dates.days(in: "12. märtsil 2026, 13/03/2026, 14 March 2026") == [day("2026-03-14")])
  }

  @Test func everyShippedLanguageWithWordsHasThemAll() throws {
    for code in ["et", "en", "fi"] {
      let words = try #require(try TemporaryRuleSet.locales.words(for: Language(code: code)!))
      #expect(ReportWord.allCases.allSatisfy { !words[$0].isEmpty }, "\(code)")
      #expect(!words.passCount(3, of: 9).contains("{"))
    }
    #expect(try TemporaryRuleSet.locales.words(for: "ru") == nil)
    #expect(try TemporaryRuleSet.locales.words(for: "lv") == nil)
  }
}
