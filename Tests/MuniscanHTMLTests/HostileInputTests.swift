import FixtureServer
import MuniscanCore
import MuniscanHTML
import MuniscanTestSupport
import Testing

@Suite struct HostileInputTests {
  @Test func deepNestingDoesNotOverflowTheStack() throws {
    let depth = 10_000
    let html =
      "<html><body>" + String(repeating: "<div><span>", count: depth)
      + "<a href='/sügav'>Sügav</a> tekst 12.03.2026"
      + "</body></html>"
    let facts = try analyze(html, queries: [.css("div span a"), .xpath("//a/ancestor::div")])
    #expect(facts.links.map(\.text) == ["Sügav"])
    #expect(facts.text == "Sügav tekst 12.03.2026")
    #expect(facts.dates == [Day(iso: "2026-03-12")!])
    #expect(facts.queries["css:div span a"]?.count == 1)
    #expect(facts.queries["xpath://a/ancestor::div"]?.count == depth)
  }

  @Test func deepTablesAndListsOfUnclosedTags() throws {
    let html = String(repeating: "<ul><li><table><tr><td><font><b><i>", count: 3_000) + "lõpp"
    let facts = try analyze(html)
    #expect(facts.text == "lõpp")
  }

  @Test func nulBytesAndBinaryJunk() throws {
    var body = Array("<html><head><title>Pea\u{0}kiri</title></head><body><p>Tere".utf8)
    body += [0, 0, 0xFF, 0xFE, 0x00, 0x01, 0x02, 0x1B, 0x80, 0xBF]
    body += Array(" maailm</p><a href='/x\u{0}y'>Link</a></body></html>".utf8)
    let facts = try analyze(bytes: body, headers: ["content-type": "text/html"])
    #expect(facts.text.hasPrefix("Tere"))
    #expect(facts.text.contains("maailm"))
    #expect(!facts.text.contains("\u{0}"))

    var generator = SplitMix64(seed: 42)
    let junk = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    let junkFacts = try analyze(bytes: junk, headers: ["content-type": "application/octet-stream"])
    #expect(junkFacts.contentType == "application/octet-stream")
    #expect(junkFacts.text.unicodeScalars.count <= PageAnalyzer.maximumTextCharacters)
  }

  @Test func emptyAndTinyBodies() throws {
    let analyzer = try PageAnalyzer(queries: [.css("a")])
    for body in [[], [0x3C], Array("<".utf8), Array("<!--".utf8), Array("   ".utf8)] as [[UInt8]] {
      let facts = analyzer.analyze(PageInput(url: "https://vald.ee/", body: body))
      #expect(facts.links.isEmpty)
      #expect(facts.queries["css:a"] == QueryMatch(snippet: "", count: 0))
    }
  }

  @Test func unclosedTagsKeepTheirContent() throws {
    let facts = try analyze(
      "<html><body><div><p>Esimene<p>Teine<a href='/a'>Link<a href='/b'>Teine link<h1>Pealkiri")
    // `Teine<a>Link` renders as one word, as in a browser.
    #expect(facts.text == "Esimene TeineLinkTeine link Pealkiri")
    #expect(
      facts.links.map(\.url) == ["https://www.example-vald.ee/a", "https://www.example-vald.ee/b"])
    #expect(facts.headings == [Heading(level: 1, text: "Pealkiri")])
  }

  @Test func hugeTextAndAttributes() throws {
    let text = String(repeating: "Lorem ipsum dolor sit amet ", count: 200_000)  // 5.4 MB
    let attribute = String(repeating: "x", count: 2_000_000)
    let html =
      "<html><body><p title='\(attribute)'>" + text + "</p><a href='/\(attribute)' title='t'>"
      + String(repeating: "pikk ", count: 1000) + "</a></body></html>"
    let facts = try analyze(html)
    #expect(facts.text.unicodeScalars.count <= PageAnalyzer.maximumTextCharacters)
    #expect(facts.text.hasPrefix("Lorem ipsum"))
    #expect(facts.links.count == 1)
    #expect(facts.links[0].text.unicodeScalars.count <= PageAnalyzer.maximumLinkTextCharacters)
  }

  @Test func manyLinksAreBounded() throws {
    let html = String(repeating: "<a href=x>", count: 30_000)
    let facts = try analyze(html)
    #expect(facts.links.count == 10_000)
  }
}

@Suite struct ParserReuseTests {
  static let pages: [(String, [String: String], [UInt8])] = {
    var pages: [(String, [String: String], [UInt8])] = []
    let utf8 = ["content-type": "text/html; charset=utf-8"]
    pages.append(
      (
        "https://a.ee/", utf8,
        Array(page("<nav><a href='/x'>X</a></nav><p>Tere 12.03.2026 info@a.ee</p>").utf8)
      ))
    pages.append(
      (
        "https://b.ee/d/", ["content-type": "text/html; charset=windows-1257"],
        Array("<title>P".utf8) + [0xF5] + Array("lva</title><p>".utf8) + [0xE4, 0xF6]
          + Array("</p>".utf8)
      ))
    pages.append(
      (
        "https://c.ee/", [:],
        Array(String(repeating: "<div>", count: 500).utf8) + Array("<a href='y'>Y</a>".utf8)
      ))
    pages.append(("https://d.ee/", utf8, [0, 1, 2, 0xFF] + Array("<h1>Junk</h1>".utf8)))
    pages.append(
      (
        "https://e.ee/", ["content-type": "text/html; charset=shift_jis"],
        Array("<p>".utf8) + [0x93, 0xFA] + Array("</p><a href=z>Z</a>".utf8)
      ))
    pages.append(
      ("https://f.ee/", utf8, Array("<html><body><p>Lõpp</p><a href='mailto:x@f.ee'>x</a>".utf8)))
    return pages
  }()

  @Test func reusedContextGivesTheSameFactsAsAFreshOne() throws {
    let queries: [PageQuery] = [.css("a"), .xpath("count(//*)")]
    let reused = try PageAnalyzer(queries: queries)
    for round in 0..<50 {
      for (url, headers, body) in Self.pages {
        let input = PageInput(url: url, depth: round, headers: headers, body: body)
        let fresh = try PageAnalyzer(queries: queries).analyze(input)
        #expect(reused.analyze(input) == fresh)
      }
    }
  }
}

@Suite struct QueryCostTests {
  @Test func deepPagesDoNotStallQueries() throws {
    let html =
      "<html><body>" + String(repeating: "<span><a href=x>", count: 8_000) + "</body></html>"
    let queries: [PageQuery] = [.css("div span a"), .css("span > a + span a"), .css("span ~ a")]
    let start = threadCPUSeconds()
    let facts = try analyze(html, queries: queries)
    #expect(threadCPUSeconds() - start < 20)
    #expect(facts.queries["css:div span a"]?.count == 0)
  }
}

@Suite struct ConcurrencyTests {
  @Test func analysersOnManyThreadsAgree() async throws {
    let expected = try PageAnalyzer(queries: [.css("a")]).analyze(
      PageInput(
        url: ParserReuseTests.pages[0].0, headers: ParserReuseTests.pages[0].1,
        body: ParserReuseTests.pages[0].2))
    let results = try await withThrowingTaskGroup(of: [PageFacts].self) { group in
      for _ in 0..<4 {
        group.addTask {
          let analyzer = try PageAnalyzer(queries: [.css("a")])
          return (0..<200).map { _ in
            analyzer.analyze(
              PageInput(
                url: ParserReuseTests.pages[0].0, headers: ParserReuseTests.pages[0].1,
                body: ParserReuseTests.pages[0].2))
          }
        }
      }
      var all: [PageFacts] = []
      for try await batch in group { all += batch }
      return all
    }
    #expect(results.count == 800)
    #expect(results.allSatisfy { $0 == expected })
  }
}
