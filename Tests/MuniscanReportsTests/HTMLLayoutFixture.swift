import MuniscanCore

/// The report fixture with what stretches the HTML report's layout: a site with a long name, a
/// long address and long evidence (URLs, a snippet with a long unbroken word), and a site not
/// audited whose reason is libcurl's own message, as the crawler records it.
enum HTMLLayoutFixture {
  static let longName =
    "Põhja-Pärnumaa, Lääne-Harju ja Kõrvemaa Ühendatud Omavalitsuse Vallavalitsus"
  static let longURL =
    "https://www.pohja-parnumaa-laane-harju-korvemaa-uhendatud-omavalitsus.ee/dokumendiregister/"
    + "volikogu/istungid/2026/11/protokoll-nr-12-lisa-1-eelarve-muutmise-seletuskiri.pdf"
    + "?versioon=2&allkiri=digitaalne#lehekulg-3"
  static let longWord = "Dokumendiregistrisseantudmaterjalidejuurdepääsupiirangutearvestus" + "2026"
  static let curlMessage =
    "https://www.kaugel.ee/: could not connect: Failed to connect to www.kaugel.ee port 443 "
    + "after 2 ms: Couldn't connect to server"

  static let longSite = SiteResult(
    site: Site(
      name: longName,
      url: "https://www.pohja-parnumaa-laane-harju-korvemaa-uhendatud-omavalitsus.ee/avaleht/"),
    outcome: .crawled, pagesCrawled: 300, total: 50, band: .yellow,
    areas: [AreaScore(area: "council", score: 60), AreaScore(area: "contact", score: 33.3)],
    findings: [
      ReportFixture.finding(
        "council.minutes", .partial,
        evidence: [
          Evidence(
            url: longURL, kind: "document", snippet: "Protokoll \(longWord) 02.11.2026",
            target: longURL + "&koopia=1", date: Day(iso: "2026-11-02"))
        ]),
      ReportFixture.finding("council.agendas", .fail),
      ReportFixture.finding("contact.email", .fail),
    ], rank: 4, crawl: CrawlStats(requests: 320, errors: 12, robotsExcluded: 40, bytes: 12_345_678))

  static let farSite = SiteResult(
    site: Site(name: "Kaugel vald", url: "https://www.kaugel.ee/"),
    outcome: .unreachable(reason: curlMessage), pagesCrawled: 0, total: 0, band: .red,
    areas: [AreaScore(area: "council", score: 0), AreaScore(area: "contact", score: 0)],
    findings: ReportFixture.criteria.map { ReportFixture.finding($0.id, .unknown) }, rank: 7)

  /// The fixture's sites with the long site among the audited ones and a second site not
  /// audited at the end, compared with the earlier run.
  static func card() -> Scorecard {
    var sites = ReportFixture.sites
    sites.insert(longSite, at: 3)
    sites.append(farSite)
    return ReportFixture.card(sites: sites)
  }
}
