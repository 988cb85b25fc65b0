import Foundation
import MuniscanCore
import MuniscanRules
import MuniscanTestSupport
import Testing

/// A rule set's `languages:`, its `locale.yml` and the language files they name: read strictly,
/// every problem an error naming file, line and column.
@Suite struct LanguageDeclarationTests {
  static let rule = TemporaryRuleSet.rule("match: { link: [protokoll*] }")

  /// Loads a temporary rule set whose own `locales` folder comes before the shipped one.
  func load(_ files: [String: String]) throws -> RuleSet {
    let set = try TemporaryRuleSet(files)
    defer { set.remove() }
    let locales = LocaleLibrary(
      folders: [set.directory + "/locales"] + TemporaryRuleSet.locales.folders)
    return try RuleSetLoader.load(directory: set.directory, locales: locales)
  }

  func error(_ files: [String: String]) -> RuleError? {
    do {
      _ = try load(files)
      return nil
    } catch {
      return error as? RuleError ?? RuleError(file: "?", message: "unexpected \(error)")
    }
  }

  func manifest(languages: String) -> String {
    TemporaryRuleSet.manifest.replacingOccurrences(of: "languages: [et, en]", with: languages)
  }

  @Test func aRuleSetCarriesItsLanguagesAndLocale() throws {
    let ruleSet = try load([
      "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
      "c.yml": Self.rule,
    ])
    #expect(ruleSet.languages == ["et", "en"])
    #expect(ruleSet.rules[0].title["et"] == "Protokollid")
    #expect(ruleSet.locale.phones?.countryCode == "372")
    #expect(ruleSet.locale.dates.monthFirstMonths["march"] == 3)
    #expect(ruleSet.locale.dates.numeric == [.dayMonthYearDot, .yearMonthDayDash])
  }

  @Test(arguments: [
    ("", "ruleset.yml:1:1", "needs 'languages'"),
    ("languages: [et, en, fi]", "ruleset.yml:7:12", "area 'title' needs 'fi'"),
    ("languages: [et]", "ruleset.yml:7:28", "unknown key 'en' in area 'title'"),
    ("languages: [et, est]", "ruleset.yml:3:12", "'est' is not an ISO 639-1 language code"),
    ("languages: [et, et]", "ruleset.yml:3:12", "'et' is listed twice"),
  ])
  func titlesCarryExactlyTheDeclaredLanguages(languages: String, place: String, message: String)
    throws
  {
    let found = try #require(
      error([
        "ruleset.yml": manifest(languages: languages), "locale.yml": TemporaryRuleSet.locale,
        "c.yml": Self.rule,
      ]))
    #expect(found.description.contains(place), "\(found)")
    #expect(found.message.contains(message), "\(found)")
  }

  @Test func ruleTitlesCarryTheDeclaredLanguages() throws {
    let manifest = manifest(languages: "languages: [et, en, fi]").replacingOccurrences(
      of: "en: Council }", with: "en: Council, fi: Valtuusto }")
    let found = try #require(
      error([
        "ruleset.yml": manifest, "locale.yml": TemporaryRuleSet.locale, "c.yml": Self.rule,
      ]))
    #expect(found.description.contains("c.yml:5:12: 'title' needs 'fi'"), "\(found)")
  }

  @Test func anExtendingRuleSetCannotAddALanguageItsParentsRulesLack() throws {
    let found = try #require(
      error(
        [
          "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
          "c.yml": Self.rule,
          "fi/ruleset.yml": "extends: ..\nid: fi\nversion: \"1\"\nlanguages: [et, en, fi]\n"
            + "title: { et: T, en: T, fi: T }\n",
        ], in: "fi"))
    #expect(found.file.hasSuffix("c.yml") && found.line == 2, "\(found)")
    #expect(found.message.contains("rule 'council.minutes' is not written in exactly"))
  }

  /// The error of loading the sub-folder `folder` of a temporary rule set.
  func error(_ files: [String: String], in folder: String) -> RuleError? {
    do {
      let set = try TemporaryRuleSet(files)
      defer { set.remove() }
      _ = try RuleSetLoader.load(
        directory: set.directory + "/" + folder, locales: TemporaryRuleSet.locales)
      return nil
    } catch {
      return error as? RuleError
    }
  }

  @Test(arguments: [
    (nil, "locale.yml", "the rule set needs it"),
    ("page_languages: [xx]\nnumeric_dates: []\n", "locale.yml:1:17", "no language file xx.yml"),
    (
      "page_languages: [ru]\nnumeric_dates: [m/d/y]\n", "locale.yml:2:16",
      "unknown numeric date pattern 'm/d/y'"
    ),
    (
      "page_languages: [en]\nnumeric_dates: []\nphones: { country_code: '+372', national_numbers: [] }\n",
      "locale.yml:3:25", "'phones.country_code' must be 1–3 digits"
    ),
    (
      "page_languages: [en]\nnumeric_dates: []\nphones: { country_code: '1', national_numbers: [{ digits: 20, starts: '2' }] }\n",
      "locale.yml:3:59", "'digits' must be between 1 and 15"
    ),
    (
      "page_languages: [en]\nnumeric_dates: []\nweekdays: [monday]\n", "locale.yml:3:1",
      "unknown key 'weekdays'"
    ),
  ])
  func localeProblemsNameTheLine(locale: String?, place: String, message: String) throws {
    var files = ["ruleset.yml": TemporaryRuleSet.manifest, "c.yml": Self.rule]
    files["locale.yml"] = locale
    let found = try #require(error(files))
    #expect(found.description.contains(place), "\(found)")
    #expect(found.message.contains(message), "\(found)")
  }

  @Test(arguments: [
    (
      "months: [[a]]\ndate_orders: [day month year]\n", "xx.yml:1:9", "'months' must list 12 months"
    ),
    (
      "months: [[jan-], [b], [c], [d], [e], [f], [g], [h], [i], [j], [k], [l]]\ndate_orders: [day month year]\n",
      "xx.yml:1:10", "'jan-' is a stem: give 'month_endings'"
    ),
    (
      "months: [[a], [a], [c], [d], [e], [f], [g], [h], [i], [j], [k], [l]]\ndate_orders: [day month year]\n",
      "xx.yml:1:15", "'a' names months 1 and 2"
    ),
    (
      "months: [[Jan], [b], [c], [d], [e], [f], [g], [h], [i], [j], [k], [l]]\ndate_orders: [day month year]\n",
      "xx.yml:1:10", "month word 'Jan' must be lower-case letters"
    ),
    (
      "months: [[jan], [b], [c], [d], [e], [f], [g], [h], [i], [j], [k], [l]]\ndate_orders: [month day year]\n",
      "xx.yml:1:9", "must be 3 to 10 ASCII letters"
    ),
    (
      "months: [[jan], [feb], [mar], [apr], [may], [jun], [jul], [aug], [sep], [oct], [nov], [dec]]\ndate_orders: [year month day]\n",
      "xx.yml:2:14", "unknown date order 'year month day'"
    ),
    ("phone_words: [Tel]\n", "xx.yml:1:14", "phone word 'Tel' must not"),
    ("news_words: [news feed]\n", "xx.yml:1:13", "news word 'news feed' must be one word"),
    ("back_words: [\"\"]\n", "xx.yml:1:13", "back word '' must be one word"),
    ("words: { title: T }\n", "xx.yml:1:8", "'words' needs 'total'"),
  ])
  func languageFileProblemsNameTheLine(file: String, place: String, message: String) throws {
    let found = try #require(
      error([
        "ruleset.yml": TemporaryRuleSet.manifest, "c.yml": Self.rule,
        "locale.yml": "page_languages: [en, xx]\nnumeric_dates: []\n", "locales/xx.yml": file,
      ]))
    #expect(found.description.contains(place), "\(found)")
    #expect(found.message.contains(message), "\(found)")
  }

  @Test func aMonthWordOfTwoLanguagesMustNameOneMonth() throws {
    let months = (["march"] + "bcdefghijkl".map { "m\($0)" }).map { "[\($0)]" }
      .joined(separator: ", ")
    let found = try #require(
      error([
        "ruleset.yml": TemporaryRuleSet.manifest, "c.yml": Self.rule,
        "locale.yml": "page_languages: [en, xx]\nnumeric_dates: []\n",
        "locales/xx.yml": "months: [\(months)]\ndate_orders: [day month year]\n",
      ]))
    #expect(found.message.contains("'march' is month 3 in"), "\(found)")
    #expect(found.message.contains("but month 1 in"), "\(found)")
  }

  @Test func templatesHoldTheirPlaceholders() throws {
    let english = try String(
      contentsOfFile: TemporaryRuleSet.locales.folders[0] + "/en.yml", encoding: .utf8)
    let found = try #require(
      error([
        "ruleset.yml": TemporaryRuleSet.manifest, "c.yml": Self.rule,
        "locale.yml": "page_languages: [en, xx]\nnumeric_dates: []\n",
        "locales/xx.yml": english.replacingOccurrences(
          of: "\"{pass} of {total} sites pass\"", with: "\"{pass} of {sites} sites pass\""),
      ]))
    #expect(found.message.contains("must hold {pass} and {total}"), "\(found)")
  }
}
