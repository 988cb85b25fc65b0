import Foundation
import MuniscanCore
import MuniscanReports
import MuniscanTestSupport
import Testing

/// With `--lang et` every fixed word of the human-readable reports is Estonian: headings,
/// statuses, bands, the kinds of evidence and the reasons of verdicts (fresh, stale, undated,
/// found, weaker, nothing found, not crawled). Only the sites' own words and the crawl's
/// technical messages stay as they were.
@Suite struct EstonianReportsTests {
  /// A scorecard whose findings carry a reason of every code.
  static func card() -> Scorecard {
    var card = ReportFixture.card()
    let reasons = Reason.Code.templated.map { code in
      Reason(code, Dictionary(uniqueKeysWithValues: code.placeholders.map { ($0, "1") }))
    }
    for (index, reason) in reasons.enumerated() {
      let site = index % card.sites.count
      let finding = index / card.sites.count % card.sites[site].findings.count
      card.sites[site].findings[finding].reason = reason
    }
    return card
  }

  /// What a reader of a report reads: HTML without its markup, style and script; JUnit's
  /// messages and text without its machine-read attributes (`errors="0"`, `band` = `green`).
  static func readable(_ text: String, format: String) -> String {
    switch format {
    case "html":
      return text.replacingOccurrences(
        of: #"(?s)<(script|style)[^>]*>.*?</\1>|<[^>]*>"#, with: " ", options: .regularExpression)
    case "junit":
      return text.replacingOccurrences(
        of: #"<[^>]*?message="([^"]*)"[^>]*>"#, with: " $1 ", options: .regularExpression
      ).replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
    default:
      return text
    }
  }

  /// CSV is data for R and pandas: its column names and evidence kinds are codes; its reasons
  /// are in the report language (tested below).
  @Test(arguments: ["terminal", "markdown", "html", "junit"])
  func noEnglishFixedWordIsLeft(format: String) throws {
    let estonian = try ReportFixture.options("et")
    let english = try ReportFixture.options("en").words
    let patterns = FixedWords.patterns(of: english, besides: estonian.words)
    let reporter = try #require(Reporters.named(format))
    let text: String
    if let html = reporter as? HTMLReporter {
      text = try html.files(Self.card(), options: estonian).map(\.contents).joined()
    } else {
      text = try reporter.render(Self.card(), options: estonian)
    }
    let left = FixedWords.found(patterns, in: Self.readable(text, format: format))
    #expect(left.isEmpty, "\(format)")
  }

  @Test func csvReasonsAreInTheReportLanguage() throws {
    let csv = try #require(Reporters.named("csv"))
    let text = try csv.render(Self.card(), options: try ReportFixture.options("et"))
    #expect(text.contains("uusim kuupäev 1 on 1 päeva vana (piir 1)"))
    #expect(!text.contains("days old"))
  }

  @Test func reasonsAndEvidenceKindsAreSaidInEstonian() throws {
    let words = try ReportFixture.options("et").words
    #expect(
      words.reason(Reason(.staleDate, ["date": "2026-03-01", "age": "264", "window": "120"]))
        == "uusim kuupäev 2026-03-01 on 264 päeva vana (piir 120)")
    #expect(
      words.reason(Reason(.found, ["kind": "heading", "snippet": "Eelarve 2026"]))
        == "leitud: pealkiri „Eelarve 2026“")
    #expect(words.evidenceKind("document") == "dokument")
    // A reason stored as text by an earlier version is shown as it was.
    #expect(words.reason(Reason(.text, ["text": "found"])) == "found")
  }
}
