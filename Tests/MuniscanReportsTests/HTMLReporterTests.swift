import Foundation
import MuniscanCore
import MuniscanReports
import Testing

@Suite struct HTMLReporterTests {
  static func files(_ card: Scorecard = ReportFixture.card(), _ language: Language = "en") throws
    -> [String: String]
  {
    let files = try HTMLReporter().files(card, options: try ReportFixture.options(language))
    return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
  }

  @Test func anIndexAndOnePagePerSite() throws {
    let files = try Self.files()
    #expect(
      files.keys.sorted() == [
        "index.html", "sites/anija-ee.html", "sites/elva-ee.html", "sites/hostile-example.html",
        "sites/kadunud-ee.html", "sites/korvekyla-ee.html",
      ])
    let index = try #require(files["index.html"])
    #expect(index.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(index.contains("<table id=\"ranking\" class=\"sortable\""))
    #expect(index.contains("<table id=\"heatmap\" class=\"sortable heatmap\""))
    #expect(index.contains("<a href=\"sites/elva-ee.html\" title=\"Elva vald\">Elva vald</a>"))
    #expect(index.contains("3 of 4 sites pass"), "counted over the audited sites")
    #expect(index.contains("<td class=\"num heat10\" data-value=\"100.0\">100.0</td>"))
    #expect(index.contains("<td class=\"num heat5\" data-value=\"50.0\">50.0</td>"))
    #expect(index.contains("<span class=\"up\">▲1</span>"), "rank change with comparison")
    #expect(index.contains("<td class=\"num\" data-value=\"20.0\">+20.0</td>"))
    #expect(index.contains("<h2>Changes since <span class=\"date\">2026-10-20</span></h2>"))
    #expect(
      index.contains(
        "<li><strong>Vana &lt;b&gt;vald&lt;/b&gt;</strong> <span class=\"down\">✕ no longer in the run (previous: rank 5, 12.5)</span></li>"
      ))
    #expect(index.contains("<summary>the server refused the connection</summary>"))
    #expect(index.contains("<ul class=\"bars\" aria-label=\"Totals\">"), "totals chart inline")
  }

  @Test func sitePagesShowEveryCriterionWithEvidenceAdviceAndTrend() throws {
    let files = try Self.files()
    let elva = try #require(files["sites/elva-ee.html"])
    #expect(elva.contains("<a href=\"../index.html\">"))
    #expect(
      elva.contains(
        "<a class=\"url\" href=\"https://www.elva.ee/volikogu\" rel=\"nofollow noopener noreferrer\">https://www.elva.ee/<wbr>volikogu</a>"
      ))
    #expect(
      elva.contains("<polyline points=\"10,26 120,17 230,8\""), "trend: 60, 80, then this run's 100"
    )
    #expect(elva.contains("rank 1 of 4"), "the site not audited has no rank")
    let anija = try #require(files["sites/anija-ee.html"])
    #expect(anija.components(separatedBy: "<tr><td data-value=").count - 1 == 3, "every criterion")
    #expect(anija.contains("<strong>Advice:</strong> Publish the agenda before the session."))
    #expect(
      anija.contains(
        "newest date <span class=\"date\">2026-01-02</span> is 322 days old (limit 120)"))
    #expect(anija.contains("▼ lost: General e-mail address (PASS → PARTIAL)"))
    #expect(!anija.contains("<polyline"), "no trend without history")
    let kadunud = try #require(files["sites/kadunud-ee.html"])
    #expect(kadunud.contains("<summary>the server refused the connection</summary>"))
    #expect(kadunud.contains("<code class=\"url\">connection refused</code>"))
  }

  @Test func hostilePageTextNeverBecomesMarkupOrALink() throws {
    for (path, page) in try Self.files() {
      #expect(
        page.components(separatedBy: "<script").count == 2,
        "only the report's own script in \(path)")
      #expect(!page.contains("<img"), "\(path)")
      #expect(!page.contains("<b onmouseover"), "\(path)")
      #expect(!page.contains("</table><script>"), "\(path)")
      #expect(!page.lowercased().contains("href=\"javascript:"), "\(path)")
      #expect(!page.contains(" src=\""), "no external assets in \(path)")
      #expect(!page.contains("<link"), "\(path)")
    }
    let files = try Self.files()
    let escapedName =
      "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
    #expect(files["index.html"]!.contains(escapedName))
    let hostile = try #require(files["sites/hostile-example.html"])
    #expect(hostile.contains("<h1>\(escapedName)</h1>"))
    #expect(hostile.contains("<title>\(escapedName) — Website transparency scorecard</title>"))
    #expect(
      hostile.contains("<span class=\"url\">javascript:alert(1)</span>"),
      "a javascript: URL stays text")
    #expect(
      hostile.contains(
        "Protokoll, &quot;eelnõu&quot;\nrida 2 &lt;b onmouseover=alert(3)&gt;x&lt;/b&gt;"))
    #expect(
      hostile.contains(
        "<a class=\"url\" href=\"https://hostile.example/p?a=1&amp;b=&quot;2&quot;\""))
  }

  @Test func pagesAreSelfContainedWithAStrictContentSecurityPolicy() throws {
    let index = try #require(try Self.files()["index.html"])
    #expect(
      index.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;sha256-"
      ))
    #expect(index.contains("<style>"))
    #expect(!index.contains("style=\""), "no inline style attributes, which the policy would block")
  }

  @Test func outputIsDeterministicAndSpeaksEstonian() throws {
    #expect(try Self.files() == Self.files())
    let files = try Self.files(ReportFixture.card(), "et")
    let index = try #require(files["index.html"])
    #expect(index.contains("<html lang=\"et\">"))
    #expect(index.contains("Veebilehtede avatuse hinnang"))
    #expect(index.contains("3 omavalitsust 4-st vastab"))
    #expect(index.contains("roheline"))
    let page = try #require(files["sites/anija-ee.html"])
    #expect(page.contains("Mida parandada"))
    #expect(page.contains("Avalda päevakord enne istungit."))
    #expect(page.contains("2. koht 4-st"))
  }

  @Test func sitesWithTheSameAddressGetDistinctPages() throws {
    let site = ReportFixture.sites[0]
    var other = site
    other.site.url = "http://elva.ee"
    let files = try Self.files(ReportFixture.card(compared: false, sites: [site, other, site]))
    #expect(
      files.keys.sorted() == [
        "index.html", "sites/elva-ee-2.html", "sites/elva-ee-3.html", "sites/elva-ee.html",
      ])
  }

  @Test func htmlCannotGoToStandardOutput() {
    #expect(throws: ReportError.self) {
      try HTMLReporter().render(ReportFixture.card(), options: try ReportFixture.options())
    }
  }
}
