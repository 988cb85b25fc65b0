import Foundation
import MuniscanCore
import Testing

@testable import MuniscanReports

/// What the HTML report shows for a site that was not audited, how the heat map is read without
/// telling red from green, and how headers, dates and URLs are written so pages read on a phone.
@Suite struct HTMLLayoutTests {
  static func files(_ language: Language) throws -> [String: String] {
    try HTMLReporterTests.files(HTMLLayoutFixture.card(), language)
  }

  /// The text from `start` up to the end of the element it opens, e.g. one table.
  static func section(_ page: String, from start: String, to end: String) throws -> String {
    let from = try #require(page.range(of: start), "\(start)")
    let to = try #require(page.range(of: end, range: from.upperBound..<page.endIndex))
    return String(page[from.lowerBound..<to.upperBound])
  }

  static let legend: [Language: String] = [
    "en": "Each cell holds the area&#39;s score, 0–100: the darker the cell, the higher the score.",
    "et": "Lahtris on valdkonna hinne 0–100: mida tumedam lahter, seda kõrgem hinne.",
  ]

  @Test(arguments: ["en", "et"] as [Language])
  func everyHeatMapCellShowsItsNumberAndTheLegendExplainsTheShades(_ language: Language) throws {
    let index = try #require(try Self.files(language)["index.html"])
    let legend = try Self.section(index, from: "<div class=\"legend\">", to: "</div>")
    #expect(legend.contains(Self.legend[language]!))
    for bucket in 0...10 {
      #expect(legend.contains("<li class=\"heat\(bucket)\">\(bucket * 10)</li>"))
    }
    let heatmap = try Self.section(index, from: "<table id=\"heatmap\"", to: "</table>")
    let cells = heatmap.components(separatedBy: "<td class=\"num heat").dropFirst()
    // Five audited sites, each with two areas and a total.
    #expect(cells.count == 15)
    for cell in cells {
      let value = try #require(Double(HTMLBrowserTests.attribute("data-value", cell)))
      let shown = cell.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
      #expect(shown == format(value), "\(cell.prefix(80))")
    }
    for name in ["Kadunud vald", "Kaugel vald"] {
      let row = try Self.section(heatmap, from: "data-value=\"\(name)\"", to: "</tr>")
      #expect(!row.contains("heat"), "a site not audited has no shaded cell")
    }
  }

  /// Relative luminance per WCAG 2.
  static func luminance(_ hex: String) -> Double {
    let digits = Array(hex.dropFirst())
    let channels = stride(from: 0, to: 6, by: 2).map { start -> Double in
      let value = Double(Int(String(digits[start..<start + 2]), radix: 16)!) / 255
      return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
  }

  static func contrast(_ first: String, _ second: String) -> Double {
    let (light, dark) = (
      max(luminance(first), luminance(second)), min(luminance(first), luminance(second))
    )
    return (light + 0.05) / (dark + 0.05)
  }

  @Test func theHeatScaleIsOneHueGettingDarkerWithReadableNumbers() {
    let scale = HTMLStyle.heatScale
    #expect(scale.count == 11)
    for (lighter, darker) in zip(scale, scale.dropFirst()) {
      #expect(Self.luminance(lighter.background) > Self.luminance(darker.background))
    }
    for shade in scale {
      let ink = shade.ink == "#000" ? "#000000" : "#ffffff"
      #expect(Self.contrast(shade.background, ink) >= 4.5, "\(shade)")
      // Blue the strongest channel: no shade is told from another by red against green.
      let digits = Array(shade.background.dropFirst())
      let red = Int(String(digits[0..<2]), radix: 16)!
      let blue = Int(String(digits[4..<6]), radix: 16)!
      #expect(blue > red, "\(shade)")
    }
  }

  static let reasons: [Language: (word: String, reason: String, note: String)] = [
    "en": (
      "not audited", "the server refused the connection",
      "No criterion could be judged: the site could not be opened when the audit ran."
    ),
    "et": (
      "auditeerimata", "server keeldus ühendusest",
      "Ühtki kriteeriumi ei saanud hinnata, sest veebilehte ei õnnestunud auditi ajal avada."
    ),
  ]

  @Test(arguments: ["en", "et"] as [Language])
  func aSiteNotAuditedIsShownApartWithAPlainReasonAndNoScore(_ language: Language) throws {
    let files = try Self.files(language)
    let words = try #require(Self.reasons[language])
    let index = try #require(files["index.html"])
    let escapedMessage = Markup.escape(HTMLLayoutFixture.curlMessage)

    // The ranking: audited sites in the scorecard's order, the others in a body of their own.
    let ranking = try Self.section(index, from: "<table id=\"ranking\"", to: "</table>")
    let audited = try Self.section(ranking, from: "<tbody>", to: "</tbody>")
    let names = audited.components(separatedBy: "<th scope=\"row\" class=\"name\" data-value=\"")
      .dropFirst().map { String($0.prefix { $0 != "\"" }) }
    #expect(
      names
        == HTMLLayoutFixture.card().sites.filter(\.outcome.isReachable).map {
          Markup.escape($0.site.name)
        })
    let apart = try Self.section(ranking, from: "<tbody class=\"not-audited\">", to: "</tbody>")
    for name in ["Kadunud vald", "Kaugel vald"] {
      #expect(apart.contains("data-value=\"\(name)\""))
    }
    #expect(apart.components(separatedBy: "<summary>\(words.reason)</summary>").count == 3)
    #expect(apart.contains("<code class=\"url\">\(escapedMessage)</code></p></details>"))
    #expect(!apart.contains("0.0"), "no total")
    #expect(!apart.contains("<strong"))

    // The totals chart: no bar, the word and the reason.
    let chart = try Self.section(index, from: "<ul class=\"bars\"", to: "</ul>")
    let far = try Self.section(
      chart,
      from: "<li class=\"not-audited\"><span class=\"label\"><a href=\"sites/kaugel-ee.html\">",
      to: "</li>")
    #expect(!far.contains("<svg"))
    #expect(far.contains(">\(words.word): \(words.reason)</span>"))
    #expect(
      far.contains(
        "title=\"\(try ReportFixture.options(language).words[.technicalDetail]): \(escapedMessage)\""
      ))
    let last = try #require(chart.range(of: "<li class=\"not-audited\">"))
    #expect(!chart[last.lowerBound...].contains("<li><span"), "after every audited site")

    // The heat map keeps the reason under the name.
    let heatmap = try Self.section(index, from: "<table id=\"heatmap\"", to: "</table>")
    #expect(heatmap.contains("<tbody class=\"not-audited\">"))
    #expect(heatmap.components(separatedBy: ": \(words.reason)</span></th>").count == 3)

    // The site's own page: the reason, no score, no criteria table.
    let page = try #require(files["sites/kaugel-ee.html"])
    #expect(page.contains("<summary>\(words.reason)</summary>"))
    #expect(page.contains(words.note))
    #expect(!page.contains("class=\"big\""))
    #expect(!page.contains("id=\"findings\""))
    #expect(!page.contains("<ul class=\"bars\""))
  }

  @Test(arguments: ["en", "et"] as [Language])
  func everyColumnHeaderIsCapitalised(_ language: Language) throws {
    for (path, page) in try Self.files(language) {
      let headers = page.components(separatedBy: "<th scope=\"col\"").dropFirst()
      #expect(!headers.isEmpty || path.contains("kadunud") || path.contains("kaugel"), "\(path)")
      for header in headers {
        let text = header.drop { $0 != ">" }.dropFirst()
        let title = text.hasPrefix("<button") ? text.drop { $0 != ">" }.dropFirst() : text
        let first = try #require(title.first, "\(path): \(header.prefix(80))")
        #expect(first.isUppercase || "±Δ".contains(first), "\(path): \(title.prefix(40))")
      }
    }
  }

  @Test func datesStayWholeAndOnlyURLsBreakAnywhere() throws {
    let files = try Self.files("en")
    let index = try #require(files["index.html"])
    #expect(index.contains("audit date <span class=\"date\">2026-11-20</span>"))
    #expect(index.contains("Changes since <span class=\"date\">2026-10-20</span>"))
    let anija = try #require(files["sites/anija-ee.html"])
    #expect(anija.contains("newest date <span class=\"date\">2026-01-02</span> is 322 days old"))
    let long = try #require(
      files["sites/pohja-parnumaa-laane-harju-korvemaa-uhendatud-omavalitsus-ee-avaleht.html"])
    #expect(long.contains("(<span class=\"date\">2026-11-02</span>)"))
    #expect(
      long.contains(
        "https://www.pohja-parnumaa-laane-harju-korvemaa-uhendatud-omavalitsus.ee/<wbr>dokumendiregister/<wbr>"
      ))
    #expect(long.contains("<wbr>?versioon=2<wbr>&amp;allkiri=digitaalne<wbr>#lehekulg-3"))
    #expect(
      long.contains("Protokoll \(HTMLLayoutFixture.longWord) 02.11.2026"), "no break in prose")
    // `overflow-wrap:anywhere` on URLs alone; dates and numbers never wrap.
    #expect(HTMLStyle.sheet.components(separatedBy: "anywhere").count == 2)
    #expect(HTMLStyle.sheet.contains(".url{overflow-wrap:anywhere}"))
    #expect(HTMLStyle.sheet.contains(".date,td.num{white-space:nowrap}"))
  }

  @Test func aURLBreaksAfterSlashesAndBeforeQueryParts() {
    #expect(
      HTMLParts.externalLink("https://a.ee/x/y?b=1&c=2#z").description
        == "<a class=\"url\" href=\"https://a.ee/x/y?b=1&amp;c=2#z\" rel=\"nofollow noopener noreferrer\">"
        + "https://a.ee/<wbr>x/<wbr>y<wbr>?b=1<wbr>&amp;c=2<wbr>#z</a>")
    #expect(
      HTMLParts.prose("from 2026-01-02 to 2026-1-3, <b>").description
        == "from <span class=\"date\">2026-01-02</span> to 2026-1-3, &lt;b&gt;")
  }

  @Test func crawlMessagesBecomePlainReasons() throws {
    let cases: [(String, NotAuditedReason.Kind)] = [
      ("https://x.ee/: could not resolve host", .nameNotFound),
      (HTMLLayoutFixture.curlMessage, .refused),
      (
        "https://x.ee/: could not connect: Failed to connect to x.ee port 443 after 3 ms: "
          + "Connection refused", .refused
      ),
      (
        "https://x.ee/: could not connect: Failed to connect to x.ee port 443 after 3061 ms: "
          + "No route to host", .noAnswer
      ),
      ("https://timeout.ee/: timed out: Connection timed out after 30001 milliseconds", .noAnswer),
      ("https://refused.ee/: timed out", .noAnswer),
      (
        "https://x.ee/: TLS failure: SSL certificate problem: certificate has expired",
        .secureConnection
      ),
      ("home page https://x.ee/ answered 503", .httpError(503)),
      ("home page https://x.ee/404 answered 404", .httpError(404)),
      ("'ftp://x.ee/' is not an http(s) URL", .notWebAddress),
      ("redirect loop back to https://x.ee/", .redirectLoop),
      ("more than 10 redirects", .redirectLoop),
      ("https://x.ee/: not in the archive", .notArchived),
      ("https://x.ee/: transfer failed (curl error 56): Recv failure", .notFetched),
    ]
    for (message, kind) in cases {
      #expect(NotAuditedReason(message: message).kind == kind, "\(message)")
    }
    #expect(NotAuditedReason(.crawled) == nil)
    let reason = NotAuditedReason(message: "home page https://x.ee/ answered 503")
    #expect(
      reason.text(try ReportFixture.options("en").words)
        == "the server answered with an error (503)")
    #expect(reason.text(try ReportFixture.options("et").words) == "server vastas veaga (503)")
  }
}
