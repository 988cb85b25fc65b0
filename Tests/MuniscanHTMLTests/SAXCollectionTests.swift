import Foundation
import MuniscanCore
import Testing

@testable import MuniscanHTML

/// Facts are gathered by SAX callbacks with no tree, or, when the rule set has queries, by the
/// same callbacks while libxml2 also builds its tree; both must give the same facts.
@Suite struct SAXCollectionTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "fixtures/sites")

  /// Every fixture page, as the crawler would fetch it.
  static func fixturePages() throws -> [PageInput] {
    var pages: [PageInput] = []
    for host in try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted() {
      let folder = fixtures.appendingPathComponent(host)
      guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
      for case let file as String in files where file.hasSuffix(".html") {
        let body = try Data(contentsOf: folder.appendingPathComponent(file))
        pages.append(
          PageInput(
            url: "https://www.\(host)/\(file)", headers: ["content-type": "text/html"],
            body: Array(body)))
      }
    }
    return pages
  }

  @Test func treeAndNoTreeGiveTheSameFactsOnEveryFixturePage() throws {
    let pages = try Self.fixturePages()
    #expect(pages.count > 100)
    let withoutTree = try PageAnalyzer()
    let withTree = try PageAnalyzer(queries: [.xpath("count(//*)")])
    var texts = 0
    for page in pages {
      let plain = withoutTree.analyze(page)
      var built = withTree.analyze(page)
      #expect(try #require(built.queries["xpath:count(//*)"]).count > 0, "\(page.url)")
      built.queries = [:]
      #expect(plain == built, "\(page.url)")
      if !plain.text.isEmpty { texts += 1 }
    }
    #expect(texts == pages.count)
  }

  @Test(arguments: [false, true])
  func scriptAndStyleContentNeverReachesTheText(withTree: Bool) throws {
    let html = page(
      """
      <p>Enne<script>document.write("<p>SKRIPT</p>"); var a = 1 < 2;</script>pärast</p>
      <style>p { content: "STIIL" }</style><template><p>MALL</p><a href="/mall">M</a></template>
      <svg><text>JOONIS</text><a href="/svg">S</a></svg><noembed>NOEMBED</noembed>
      <iframe src="https://kaart.ee/">RAAM</iframe><p><a href="/a">Link</a></p>
      """, head: "<title>Leht</title><script>var PEALKIRI = 1;</script>")
    let facts = try analyze(html, queries: withTree ? [.css("p")] : [])
    #expect(facts.text == "Ennepärast Link")
    #expect(facts.title == "Leht")
    #expect(facts.links.map(\.url) == ["https://www.example-vald.ee/a"])
  }

  @Test(arguments: [false, true])
  func blanksBetweenElementsSeparateWords(withTree: Bool) throws {
    // libxml2's tree builder drops this blank (after an img), a browser shows it.
    let facts = try analyze(
      page("<p>Vald<img src=x.png> <b>Avaleht</b></p>"), queries: withTree ? [.css("b")] : [])
    #expect(facts.text == "Vald Avaleht")
  }

  @Test(arguments: [false, true])
  func embeddedContentIsResolvedOnceInPageOrder(withTree: Bool) throws {
    let html = page(
      """
      <iframe src="https://www.youtube.com/embed/abc?rel=0">Video</iframe>
      <p><embed src="/failid/esitlus.swf"><object data="kaart.html"><p>Kaart</p></object></p>
      <video src="//video.example.com/v.mp4"><source src="v.webm"><a href="/v">Vaata</a></video>
      <audio><source src="helid/teade.mp3"></audio>
      <picture><source srcset="pilt.webp"><source src="pilt-ei.png"></picture>
      <iframe src="https://www.youtube.com/embed/abc?rel=0"></iframe>
      <iframe src="javascript:void(0)"></iframe><iframe src="data:text/html,x"></iframe>
      <iframe src="ftp://failid.ee/x"></iframe><iframe src></iframe><iframe></iframe>
      """, head: "<base href=\"https://www.example-vald.ee/et/\">")
    let facts = try analyze(html, queries: withTree ? [.css("iframe")] : [])
    #expect(
      facts.embeds == [
        "https://www.youtube.com/embed/abc?rel=0", "https://www.example-vald.ee/failid/esitlus.swf",
        "https://www.example-vald.ee/et/kaart.html", "https://video.example.com/v.mp4",
        "https://www.example-vald.ee/et/v.webm", "https://www.example-vald.ee/et/helid/teade.mp3",
      ])
    #expect(facts.text == "Kaart Vaata")
    #expect(facts.links.map(\.url) == ["https://www.example-vald.ee/v"])
  }

  @Test func embedsAreBoundedLikeLinks() throws {
    let html = page(
      (0..<(PageCollector.maximumEmbeds + 50)).map { "<embed src='/e\($0)'>" }.joined())
    let facts = try analyze(html)
    #expect(facts.embeds.count == PageCollector.maximumEmbeds)
    #expect(facts.embeds.first == "https://www.example-vald.ee/e0")
  }

  @Test func queriesSeeTheWholeTreeWhileFactsSkipScripts() throws {
    let html = page(
      """
      <main><iframe src="https://www.youtube.com/embed/x">Video</iframe>
      <p class="uudis">Esimene</p><p class="uudis">Teine</p></main>
      <script>var kood = "SKRIPT";</script>
      """)
    let analyzer = try PageAnalyzer(queries: [
      .xpath("//iframe[contains(@src, 'youtube')]"), .css("p.uudis"), .xpath("string(//script)"),
    ])
    for _ in 0..<3 {
      let facts = analyzer.analyze(
        PageInput(
          url: "https://www.example-vald.ee/", headers: ["content-type": "text/html"],
          body: Array(html.utf8)))
      #expect(
        facts.queries["xpath://iframe[contains(@src, 'youtube')]"]
          == QueryMatch(snippet: "Video", count: 1))
      #expect(facts.queries["css:p.uudis"] == QueryMatch(snippet: "Esimene", count: 2))
      #expect(
        facts.queries["xpath:string(//script)"]
          == QueryMatch(snippet: "var kood = \"SKRIPT\";", count: 1))
      #expect(facts.text == "Esimene Teine")
      #expect(facts.embeds == ["https://www.youtube.com/embed/x"])
    }
  }

  /// Pages full of distinct element names fill the parser's name dictionary until the analyser
  /// replaces the parser context; the new context must report to the collector (and build the
  /// tree for queries) as the first did.
  @Test(arguments: [false, true])
  func aReplacedParserContextStillCollects(withTree: Bool) throws {
    let queries: [PageQuery] = withTree ? [.css("a")] : []
    let analyzer = try PageAnalyzer(queries: queries)
    let sample = PageInput(
      url: "https://www.example-vald.ee/", headers: ["content-type": "text/html"],
      body: Array(page("<nav><a href='/x'>Avaleht</a></nav><h1>Tere</h1>").utf8))
    let expected = analyzer.analyze(sample)
    #expect(expected.links.count == 1)
    for round in 0..<3 {
      let names = (0..<40_000).map { "<x\(round)n\($0)>" }.joined()
      _ = analyzer.analyze(
        PageInput(
          url: "https://www.example-vald.ee/", headers: ["content-type": "text/html"],
          body: Array(page(names).utf8)))
      #expect(analyzer.analyze(sample) == expected)
    }
  }
}
