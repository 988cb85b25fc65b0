import Foundation
import MuniscanCore
import MuniscanRules
import MuniscanTestSupport
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

  /// The terminal, Markdown and HTML reports say everything that is not the site's own words
  /// in Finnish, the reasons of verdicts and the kinds of evidence included: no fixed word of the
  /// English reports is left.
  @Test func reportsAreInFinnish() async throws {
    let labels = try #require(try ExpectedResults.all(in: "expected-fi").first)
    let outputs = try await audit(
      labels, formats: [["--lang", "fi"], ["--format", "markdown", "--lang", "fi"]])
    let finnish = try #require(try Self.locales.words(for: "fi"))
    let english = try #require(try Self.locales.words(for: "en"))
    for report in outputs {
      #expect(report.contains(finnish[.total]) && report.contains(finnish[.todo]), "\(report)")
      #expect(report.contains(finnish.status(.pass)))
      let phrases = FixedWords.patterns(of: english, besides: finnish)
      for phrase in phrases {
        #expect(
          report.range(of: phrase, options: .regularExpression) == nil,
          "English '\(phrase)' in:\n\(report)")
      }
    }
  }
}
