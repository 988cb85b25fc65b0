import Foundation
import MuniscanCore
import MuniscanReports
import Testing

@Suite struct ReportersTests {
  static func card(sites: [SiteResult]) -> Scorecard {
    Scorecard(
      ruleSetID: "ee", ruleSetVersion: "2026.11", asOf: Day(iso: "2026-11-20")!,
      areas: [AreaInfo(id: "council", title: LocalizedText(["et": "Volikogu", "en": "Council"]))],
      criteria: [
        CriterionInfo(
          id: "council.minutes", area: "council", weight: 2,
          title: LocalizedText(["et": "Volikogu protokollid", "en": "Council minutes"]),
          advice: LocalizedText(["et": "Avalda protokollid.", "en": "Publish the minutes."]),
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
          reason: status == .pass
            ? Reason(.found, ["kind": "link", "snippet": "Protokollid"])
            : ReportFixture.staleReason,
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
      Self.card(sites: [Self.site("Elva", .partial, total: 50, rank: 1)]),
      options: try ReportFixture.options())
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
      card, options: try ReportFixture.options("et", color: true))
    #expect(text.contains("Koondhinne"))
    #expect(text.contains("Avalda protokollid."))
    #expect(text.contains("\u{1B}[31mPUUDUB"))
  }

  @Test func terminalRankingForManySites() throws {
    let card = Self.card(sites: [
      Self.site("Elva", .pass, total: 100, rank: 1), Self.site("Anija", .fail, total: 0, rank: 2),
    ])
    let lines = try TerminalReporter().render(card, options: try ReportFixture.options()).split(
      separator: "\n")
    #expect(lines[0] == "Rule set ee 2026.11 · audit date 2026-11-20")
    #expect(lines[1] == "Rank  Site           Total  Band    council")
    #expect(lines[2] == "   1  Elva           100.0  red       100.0")
    #expect(lines[3].hasPrefix("   2  Anija"))
  }

  @Test func terminalRankingShowsBandsCountsAndChanges() throws {
    let text = try TerminalReporter().render(
      ReportFixture.card(), options: try ReportFixture.options())
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[1].hasSuffix("Total  Band    council contact      ±       Δ"))
    #expect(lines[2].hasPrefix("   1  Elva vald "))
    #expect(lines[2].hasSuffix("100.0  green     100.0   100.0     ▲1   +20.0"))
    #expect(lines[3].hasSuffix("75.0  yellow     80.0    50.0     ▼1   -15.0"))
    #expect(lines[4].hasPrefix("   2  "), "the tie shares rank 2")
    #expect(lines[4].hasSuffix("new        "))
    // The site not audited is listed apart with the plain reason, never as 0.0 or a drop.
    #expect(lines[6] == "Not audited (1)")
    #expect(
      lines[7].hasPrefix("      Kadunud vald ")
        && lines[7].hasSuffix(
          "  Not audited: the server refused the connection (connection refused)")
    )
    #expect(!text.contains("-50.0") && !lines.contains { $0.hasPrefix("   5") })
    #expect(lines.contains("  council.minutes  3 of 4 sites pass  Council minutes"))
    #expect(lines.contains("  contact.email    2 of 4 sites pass  General e-mail address"))
    #expect(lines.contains("Changes since 2026-10-20"))
    #expect(lines.contains("    ▲ gained: council.agendas (fail → pass)"))
    #expect(lines.contains("    ▼ lost: contact.email (pass → partial)"))
    #expect(lines.contains("  Vana <b>vald</b>"))
    #expect(lines.contains("    ✕ no longer in the run (previous: rank 5, 12.5)"))
  }

  @Test func terminalColoursBandsAndChangesOnATerminal() throws {
    let text = try TerminalReporter().render(
      ReportFixture.card(), options: try ReportFixture.options("et", color: true))
    #expect(text.contains("\u{1B}[32mroheline"))
    #expect(text.contains("\u{1B}[33mkollane"))
    #expect(text.contains("\u{1B}[31m▼ halvenes: contact.email (pass → partial)"))
    #expect(text.contains("3 omavalitsust 4-st vastab"))
    #expect(text.contains("Auditeerimata (1)"))
    #expect(text.contains("Auditeerimata: server keeldus ühendusest (connection refused)"))
    #expect(text.contains("Muutused alates 2026-10-20"))
  }

  @Test func terminalReportForOneSiteShowsBandAndPreviousTotal() throws {
    let text = try TerminalReporter().render(
      ReportFixture.card(site: "Anija vald", compared: true), options: try ReportFixture.options())
    #expect(text.contains("Total: 75.0 / 100 · yellow · previous 90.0 (-15.0)"))
    #expect(
      text.contains("What to fix:\n  - [council.agendas] Publish the agenda before the session."))
    #expect(text.contains("    ▼ lost: contact.email (pass → partial)"))
  }

  @Test func jsonIsTheScorecardAndDeterministic() throws {
    let card = Self.card(sites: [Self.site("Elva", .pass, total: 100, rank: 1)])
    let first = try JSONReporter().render(card, options: try ReportFixture.options())
    #expect(try JSONReporter().render(card, options: try ReportFixture.options()) == first)
    #expect(try JSONDecoder().decode(Scorecard.self, from: Data(first.utf8)) == card)
    #expect(first.contains(#""asOf" : "2026-11-20""#))
  }

  @Test func reportersAreChosenByName() {
    #expect(
      Reporters.names == ["terminal", "json", "csv", "csv-wide", "markdown", "junit", "html"])
    #expect(Reporters.named("json") is JSONReporter)
    #expect(Reporters.named("terminal") is TerminalReporter)
    #expect(Reporters.named("csv-wide") is CSVWideReporter)
    #expect(Reporters.named("html") is HTMLReporter)
    #expect(Reporters.named("pdf") == nil)
    #expect(
      Reporters.all.map(\.fileName) == [
        "scorecard.txt", "scorecard.json", "scorecard.csv", "scorecard-wide.csv", "scorecard.md",
        "junit.xml", "index.html",
      ])
  }
}

@Suite struct TerminalSafetyTests {
  @Test func escapeSequencesFromAPageNeverReachTheTerminal() throws {
    var site = ReportFixture.sites[1]
    site.site.name = "Anija\u{1B}]0;pwned\u{07} vald"
    site.findings[0].evidence[0].snippet = "Protokollid\u{1B}[2J\u{1B}[31m\nrida\u{9B}2"
    let card = ReportFixture.card(compared: false, sites: [site, ReportFixture.sites[0]])
    for text in [
      try TerminalReporter().render(card, options: try ReportFixture.options()),
      try TerminalReporter().render(
        ReportFixture.card(compared: false, sites: [site]), options: try ReportFixture.options()),
    ] {
      #expect(!text.contains("\u{1B}"))
      #expect(!text.contains("\u{07}"))
      #expect(!text.contains("\u{9B}"))
    }
    let single = try TerminalReporter().render(
      ReportFixture.card(compared: false, sites: [site]), options: try ReportFixture.options())
    #expect(single.contains("link: \"Protokollid [2J [31m rida 2\""))
  }
}
