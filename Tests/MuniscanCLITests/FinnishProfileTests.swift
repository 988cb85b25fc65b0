import Foundation
import MuniscanCore
import MuniscanRules
import Testing

/// The Finnish profile end to end, the proof that a country is data: a fictional Finnish
/// municipality scanned with `rules/fi-generic`, its verdicts against its labels
/// (`fixtures/expected-fi/`), and its reports in Finnish.
@Suite(.serialized) struct FinnishProfileTests {
  static let rules = CommandRunner.repository + "/rules/fi-generic"
  static let locales = LocaleLibrary(folders: [CommandRunner.repository + "/locales"])

  /// `audit` of the labelled site with the Finnish profile, in each of `formats`.
  func audit(_ labels: ExpectedResults, formats: [[String]]) async throws -> [String] {
    try await CommandRunner.withFixtureSites { port in
      var outputs: [String] = []
      for format in formats {
        let outcome = await CommandRunner.run(
          [
            "audit", CommandRunner.url(labels.url, port: port), "--delay", "0", "--as-of",
            labels.asOf, "--rules", Self.rules,
          ] + format + CommandRunner.resolve([labels.host], port: port))
        #expect(outcome.error == nil, "\(outcome.message)")
        outputs.append(outcome.output)
      }
      return outputs
    }
  }

  @Test func verdictsMatchTheLabels() async throws {
    let all = try ExpectedResults.all(in: "expected-fi")
    #expect(!all.isEmpty)
    for labels in all {
      let json = try await audit(labels, formats: [["--format", "json", "--lang", "fi"]])[0]
      let card = try JSONDecoder().decode(Scorecard.self, from: Data(json.utf8))
      #expect(card.ruleSetID == "fi-generic")
      let result = try #require(card.sites.first)
      #expect(result.outcome == .crawled)
      #expect(Set(labels.expect.keys) == Set(result.findings.map(\.ruleID)), "labels every rule")
      for finding in result.findings {
        #expect(
          labels.expect[finding.ruleID] == finding.status,
          "\(labels.host) \(finding.ruleID): judged \(finding.status.rawValue) (\(finding.reason))")
      }
    }
  }

  /// The terminal and Markdown reports say everything that is not data from the scorecard (the
  /// evaluator's reasons, which are English for every language, and the site's own words) in
  /// Finnish: no fixed word of the English reports is left.
  @Test func reportsAreInFinnish() async throws {
    let labels = try #require(try ExpectedResults.all(in: "expected-fi").first)
    let outputs = try await audit(
      labels,
      formats: [
        ["--format", "json"], ["--lang", "fi"], ["--format", "markdown", "--lang", "fi"],
      ])
    let card = try JSONDecoder().decode(Scorecard.self, from: Data(outputs[0].utf8))
    let finnish = try #require(try Self.locales.words(for: "fi"))
    let english = try #require(try Self.locales.words(for: "en"))
    for report in outputs[1...] {
      #expect(report.contains(finnish[.total]) && report.contains(finnish[.todo]), "\(report)")
      #expect(report.contains(finnish.status(.pass)))
      let phrases = Self.phrases(english)
      var rest = report
      for reason in card.sites.flatMap(\.findings).map(\.reason)
      where phrases.contains(where: { reason.range(of: $0, options: .regularExpression) != nil }) {
        rest = rest.replacingOccurrences(of: reason, with: "")
      }
      for phrase in phrases {
        #expect(
          rest.range(of: phrase, options: .regularExpression) == nil,
          "English '\(phrase)' in:\n\(report)")
      }
    }
  }

  /// Every fixed word and phrase of `words` as a regular expression: whole words, case kept,
  /// numbers for the placeholders of the templates.
  static func phrases(_ words: ReportWords) -> [String] {
    let texts =
      ReportWord.allCases.map { words[$0] } + FindingStatus.allCases.map(words.status)
      + Band.allCases.map(words.band)
    let templates = [words.passCount(0, of: 0), words.rankOf(0, 0)]
    return texts.map { #"(?<!\w)"# + NSRegularExpression.escapedPattern(for: $0) + #"(?!\w)"# }
      + templates.map {
        NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: "0", with: #"\d+"#)
      }
  }
}
