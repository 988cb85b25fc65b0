import Foundation
import MuniscanCore
import MuniscanReports
import Testing

@Suite struct ReportersTests {
  static func card(sites: [SiteResult]) -> Scorecard {
    Scorecard(
      ruleSetID: "ee", ruleSetVersion: "2026.11", asOf: Day(iso: "2026-11-20")!,
      areas: [AreaInfo(id: "council", title: LocalizedText(et: "Volikogu", en: "Council"))],
      criteria: [
        CriterionInfo(
          id: "council.minutes", area: "council", weight: 2,
          title: LocalizedText(et: "Volikogu protokollid", en: "Council minutes"),
          advice: LocalizedText(et: "Avalda protokollid.", en: "Publish the minutes."),
          basis: "AvTS")
      ],
      sites: sites)
  }

  static func site(_ name: String, _ status: FindingStatus, total: Double, rank: Int) -> SiteResult
  {
    SiteResult(
      site: Site(name: name, url: "https://\(name.lowercased()).ee/"), outcome: .crawled,
      pagesCrawled: 12,
      total: total, areas: [AreaScore(area: "council", score: total)],
      findings: [
        Finding(
          ruleID: "council.minutes", area: "council", weight: 2, status: status,
          reason: status == .pass ? "found" : "newest date 2026-01-02 is 322 days old (limit 120)",
          evidence: [
            Evidence(
              url: "https://\(name.lowercased()).ee/volikogu", kind: "link", snippet: "Protokollid",
              target: "https://x")
          ])
      ],
      rank: rank)
  }

  @Test func terminalReportForOneSiteListsCriteriaEvidenceAndAdvice() throws {
    let text = try TerminalReporter().render(
      Self.card(sites: [Self.site("Elva", .partial, total: 50, rank: 1)]), options: .init())
    #expect(text.contains("Elva — https://elva.ee/"))
    #expect(text.contains("Total: 50.0 / 100"))
    #expect(text.contains("PARTIAL  council.minutes  Council minutes"))
    #expect(text.contains("https://elva.ee/volikogu — link: \"Protokollid\""))
    #expect(text.contains("newest date 2026-01-02 is 322 days old"))
    #expect(text.contains("What to fix:\n  - [council.minutes] Publish the minutes."))
    #expect(!text.contains("\u{1B}["), "no colour off a terminal")
  }

  @Test func terminalReportSpeaksEstonianAndColoursOnATerminal() throws {
    let card = Self.card(sites: [Self.site("Elva", .fail, total: 0, rank: 1)])
    let text = try TerminalReporter().render(
      card, options: ReportOptions(language: .et, color: true))
    #expect(text.contains("Koondhinne"))
    #expect(text.contains("Avalda protokollid."))
    #expect(text.contains("\u{1B}[31mPUUDUB"))
  }

  @Test func terminalRankingForManySites() throws {
    let card = Self.card(sites: [
      Self.site("Elva", .pass, total: 100, rank: 1), Self.site("Anija", .fail, total: 0, rank: 2),
    ])
    let lines = try TerminalReporter().render(card, options: .init()).split(separator: "\n")
    #expect(lines[0] == "Rule set ee 2026.11 · audit date 2026-11-20")
    #expect(lines[2].hasPrefix("   1  Elva"))
    #expect(lines[2].hasSuffix("100.0    100.0"))
    #expect(lines[3].hasPrefix("   2  Anija"))
  }

  @Test func jsonIsTheScorecardAndDeterministic() throws {
    let card = Self.card(sites: [Self.site("Elva", .pass, total: 100, rank: 1)])
    let first = try JSONReporter().render(card, options: .init())
    #expect(try JSONReporter().render(card, options: .init()) == first)
    #expect(try JSONDecoder().decode(Scorecard.self, from: Data(first.utf8)) == card)
    #expect(first.contains(#""asOf" : "2026-11-20""#))
  }

  @Test func reportersAreChosenByName() {
    #expect(Reporters.named("json") is JSONReporter)
    #expect(Reporters.named("terminal") is TerminalReporter)
    #expect(Reporters.named("pdf") == nil)
  }
}
