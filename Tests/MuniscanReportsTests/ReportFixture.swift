import Foundation
import MuniscanCore
import MuniscanReports
import MuniscanRules

/// A scorecard with what reports must handle: a tie, an unreachable site, a comparison with an
/// earlier run (a site new since then), a trend, Estonian letters, and a hostile page whose
/// name, snippets and links try to inject markup and script.
enum ReportFixture {
  static let hostileName = #"<script>alert(1)</script> "><img src=x onerror=alert(1)>"#
  /// A snippet with commas, quotes and a line break, and markup.
  static let hostileSnippet = "Protokoll, \"eelnõu\"\nrida 2 <b onmouseover=alert(3)>x</b>"
  static let hostileURL = "javascript:alert(1)"

  /// Report options in a shipped language, its words read from the repository's `locales`.
  static func options(_ language: Language = "en", color: Bool = false) throws -> ReportOptions {
    let locales = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("locales")
    guard let words = try LocaleLibrary(folders: [locales.path]).words(for: language) else {
      throw ReportError("no report words for \(language)")
    }
    return ReportOptions(words: words, color: color)
  }

  static let areas = [
    AreaInfo(id: "council", title: LocalizedText(["et": "Volikogu", "en": "Council"])),
    AreaInfo(id: "contact", title: LocalizedText(["et": "Kontakt", "en": "Contact"])),
  ]

  static let criteria = [
    CriterionInfo(
      id: "council.minutes", area: "council", weight: 3,
      title: LocalizedText(["et": "Volikogu protokollid", "en": "Council minutes"]),
      advice: LocalizedText([
        "et": "Avalda iga istungi protokoll.", "en": "Publish the minutes of every session.",
      ]),
      basis: "AvTS § 28 lg 1 p 31"),
    CriterionInfo(
      id: "council.agendas", area: "council", weight: 2,
      title: LocalizedText(["et": "Istungite päevakorrad", "en": "Session agendas"]),
      advice: LocalizedText([
        "et": "Avalda päevakord enne istungit.", "en": "Publish the agenda before the session.",
      ]),
      basis: "AvTS § 28 lg 1 p 31"),
    CriterionInfo(
      id: "contact.email", area: "contact", weight: 1,
      title: LocalizedText(["et": "Üldine e-posti aadress", "en": "General e-mail address"]),
      advice: LocalizedText([
        "et": "Näita e-posti aadressi igal lehel.", "en": "Show the e-mail address on every page.",
      ]),
      basis: "AvTS § 28 lg 1 p 29"),
  ]

  /// Evidence whose newest date is older than the rule allows.
  static let staleReason = Reason(
    .staleDate, ["date": "2026-01-02", "age": "322", "window": "120"])

  static func finding(_ id: String, _ status: FindingStatus, evidence: [Evidence] = []) -> Finding {
    let criterion = criteria.first { $0.id == id }!
    let reason: Reason
    switch status {
    case .pass: reason = evidence.first.map(Reason.found) ?? Reason(.undated)
    case .partial: reason = Self.staleReason
    case .fail: reason = Reason(.noEvidence, ["pages": "12"])
    case .unknown: reason = Reason(.notCrawled, ["detail": "timeout"])
    }
    return Finding(
      ruleID: id, area: criterion.area, weight: criterion.weight, status: status, reason: reason,
      evidence: evidence)
  }

  static func evidence(_ site: String, _ path: String, _ snippet: String) -> Evidence {
    Evidence(
      url: "https://\(site)/\(path)", kind: "link", snippet: snippet,
      target: "https://\(site)/\(path).pdf",
      date: Day(iso: "2026-11-02"))
  }

  static let sites: [SiteResult] = [
    SiteResult(
      site: Site(name: "Elva vald", url: "https://www.elva.ee/"), outcome: .crawled,
      pagesCrawled: 120, total: 100,
      band: .green,
      areas: [AreaScore(area: "council", score: 100), AreaScore(area: "contact", score: 100)],
      findings: [
        finding(
          "council.minutes", .pass,
          evidence: [evidence("www.elva.ee", "volikogu", "Istungi protokoll 02.11.2026")]),
        finding(
          "council.agendas", .pass, evidence: [evidence("www.elva.ee", "paevakord", "Päevakord")]),
        finding(
          "contact.email", .pass, evidence: [evidence("www.elva.ee", "kontakt", "info@elva.ee")]),
      ], rank: 1, crawl: CrawlStats(requests: 130, errors: 2, robotsExcluded: 5, bytes: 4_200_000),
      trend: [
        TrendPoint(runID: "r0", asOf: Day(iso: "2026-09-20")!, total: 60, rank: 3),
        TrendPoint(runID: "r1", asOf: Day(iso: "2026-10-20")!, total: 80, rank: 2),
      ]),
    SiteResult(
      site: Site(name: "Anija vald", url: "https://anija.ee/"), outcome: .crawled, pagesCrawled: 80,
      total: 75,
      band: .yellow,
      areas: [AreaScore(area: "council", score: 80), AreaScore(area: "contact", score: 50)],
      findings: [
        finding(
          "council.minutes", .pass, evidence: [evidence("anija.ee", "volikogu", "Protokollid")]),
        finding(
          "council.agendas", .partial,
          evidence: [evidence("anija.ee", "paevakord", "Päevakord 2025")]),
        finding(
          "contact.email", .partial, evidence: [evidence("anija.ee", "kontakt", "vald@anija.ee")]),
      ], rank: 2, crawl: CrawlStats(requests: 90)),
    SiteResult(
      site: Site(name: hostileName, url: "https://hostile.example/"), outcome: .crawled,
      pagesCrawled: 3, total: 75,
      band: .yellow,
      areas: [AreaScore(area: "council", score: 100), AreaScore(area: "contact", score: 0)],
      findings: [
        finding(
          "council.minutes", .pass,
          evidence: [
            Evidence(
              url: hostileURL, kind: "link", snippet: hostileSnippet, target: "javascript:alert(2)"),
            Evidence(
              url: "https://hostile.example/p?a=1&b=\"2\"", kind: "document",
              snippet: "</td></tr></table><script>alert(4)</script>"),
          ]),
        finding(
          "council.agendas", .pass,
          evidence: [evidence("hostile.example", "a", "Agenda | with pipe")]),
        finding("contact.email", .fail),
      ], rank: 2),
    SiteResult(
      site: Site(name: "Kõrveküla vald", url: "https://korvekyla.ee/"), outcome: .crawled,
      pagesCrawled: 40,
      total: 25, band: .red,
      areas: [AreaScore(area: "council", score: 0), AreaScore(area: "contact", score: 100)],
      findings: [
        finding("council.minutes", .fail), finding("council.agendas", .fail),
        finding(
          "contact.email", .pass,
          evidence: [evidence("korvekyla.ee", "kontakt", "info@korvekyla.ee")]),
      ], rank: 4),
    SiteResult(
      site: Site(name: "Kadunud vald", url: "https://kadunud.ee/"),
      outcome: .unreachable(reason: "connection refused"), pagesCrawled: 0, total: nil,
      areas: [],
      findings: [
        finding("council.minutes", .unknown), finding("council.agendas", .unknown),
        finding("contact.email", .unknown),
      ],
      crawl: CrawlStats(requests: 1, errors: 1)),
  ]

  static let comparison = Comparison(
    previousRunID: "r1", previousAsOf: Day(iso: "2026-10-20")!,
    sites: [
      SiteChange(
        url: "https://www.elva.ee/", previousRank: 2, previousTotal: 80,
        gained: [StatusChange(ruleID: "council.agendas", from: .fail, to: .pass)], lost: []),
      SiteChange(
        url: "https://anija.ee/", previousRank: 1, previousTotal: 90, gained: [],
        lost: [StatusChange(ruleID: "contact.email", from: .pass, to: .partial)]),
      SiteChange(
        url: "https://hostile.example/", previousRank: nil, previousTotal: nil, gained: [], lost: []
      ),
      SiteChange(
        url: "https://korvekyla.ee/", previousRank: 4, previousTotal: 25, gained: [], lost: []),
      SiteChange(
        url: "https://kadunud.ee/", previousRank: 3, previousTotal: 50, gained: [],
        lost: [StatusChange(ruleID: "council.minutes", from: .pass, to: .unknown)]),
    ],
    removedSites: [
      RemovedSite(
        name: "Vana <b>vald</b>", url: "https://vana.ee/", previousRank: 5, previousTotal: 12.5)
    ])

  /// The whole fixture run, with per-criterion counts as the scorecard builder makes them.
  static func card(compared: Bool = true, sites: [SiteResult] = sites) -> Scorecard {
    let counted = criteria.map { criterion in
      var info = criterion
      for site in sites where site.isAudited {
        if let finding = site.findings.first(where: { $0.ruleID == criterion.id }) {
          info.counts.add(finding.status)
        }
      }
      return info
    }
    return Scorecard(
      ruleSetID: "ee", ruleSetVersion: "2026.11", asOf: Day(iso: "2026-11-20")!, areas: areas,
      criteria: counted,
      sites: sites, runID: compared ? "r2" : nil, comparison: compared ? comparison : nil)
  }

  /// The fixture run with only the one site named.
  static func card(site name: String, compared: Bool = false) -> Scorecard {
    card(compared: compared, sites: sites.filter { $0.site.name == name })
  }
}
