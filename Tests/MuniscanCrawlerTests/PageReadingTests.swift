import Foundation
import Logging
import MuniscanCore
import MuniscanHTTP
import Testing

@testable import MuniscanCrawler

/// A page's facts come from one place: the facts kept with its replayed answer when there are
/// any, else its analysis, whose facts go to the recorder when the answer was fetched.
@Suite struct PageReadingTests {
  static let home = "http://www.vald.ee/"

  /// Answers every page with HTML linking to `/a` (robots.txt and sitemaps are missing).
  struct Pages: HTTPFetching {
    let asked = Locked<[String]>([])

    func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
      asked.withLock { $0.append(request.url) }
      return Self.answer(request.url)
    }

    static func answer(_ url: String) -> HTTPResponse {
      guard !url.hasSuffix(".txt"), !url.hasSuffix(".xml") else {
        return HTTPResponse(url: url, status: 404)
      }
      return PageReadingTests.page(url)
    }
  }

  static func page(_ url: String) -> HTTPResponse {
    HTTPResponse(
      url: url, status: 200, headers: [HTTPHeader(name: "Content-Type", value: "text/html")],
      body: Array("<title>Analysed</title><a href=\"/a\">A</a>".utf8))
  }

  /// Keeps the page facts it is handed.
  actor FactsRecorder: CrawlRecorder {
    var facts: [String: PageFacts] = [:]

    func record(_ exchange: Exchange) {}
    func recordFacts(_ facts: PageFacts, site: Site, url: String) { self.facts[url] = facts }
    func finish(_ crawl: SiteCrawl) {}
  }

  func crawl(replay: Replay, recorder: FactsRecorder, client: Pages) async -> SiteCrawl {
    let crawler = SiteCrawler(
      client: client, options: CrawlOptions(delay: 0), logger: Logger(label: "test"),
      recorder: recorder)
    return await crawler.crawl(Site(name: "Vald", url: Self.home), replay: replay)
  }

  @Test func storedFactsAreTakenAsTheyAreAndTheirLinksFollowed() async throws {
    var stored = PageFacts(url: Self.home, depth: 0, status: 200, contentType: "text/html")
    stored.title = "Stored"
    stored.links = [Link(text: "B", url: Self.home + "b", region: .main)]
    let kept = stored
    let replay = Replay(
      count: 1, lookup: { url, _ in url == Self.home ? Self.page(url) : nil },
      facts: { url, depth in url == Self.home && depth == 0 ? kept : nil })
    let client = Pages()
    let recorder = FactsRecorder()
    let crawl = await crawl(replay: replay, recorder: recorder, client: client)

    // The home page was not analysed (its body links to /a): its stored facts were judged.
    #expect(crawl.pages.first { $0.url == Self.home } == stored)
    #expect(client.asked.withLock { $0 }.contains(Self.home + "b"))
    // /b was fetched and analysed (its body links to /a, fetched then too); the facts of the
    // fetched pages went to the recorder, the replayed home page's did not.
    let b = try #require(crawl.pages.first { $0.url == Self.home + "b" })
    #expect(b.title == "Analysed")
    #expect(await recorder.facts == [Self.home + "b": b, Self.home + "a": crawl.pages.last!])
    #expect(crawl.pages.last?.url == Self.home + "a")
  }

  /// An answer the crawl reads as a page may be replayed without its body (the facts kept
  /// for it stand in), never one it reads otherwise: robots.txt and sitemaps are read from
  /// their bodies.
  @Test func onlyAnswersReadAsPagesAreAskedForAsPages() async throws {
    let asked = Locked<[String: Bool]>([:])
    let replay = Replay(
      count: 2,
      lookup: { url, asPage in
        asked.withLock { $0[url] = asPage }
        return Pages.answer(url)
      })
    _ = await crawl(replay: replay, recorder: FactsRecorder(), client: Pages())
    let asPage = asked.withLock { $0 }
    #expect(asPage[Self.home] == true)
    #expect(asPage[Self.home + "a"] == true)
    #expect(asPage[Self.home + "robots.txt"] == false)
    let others = asPage.filter { $0.key.hasSuffix(".txt") || $0.key.hasSuffix(".xml") }
    #expect(others.count >= 2 && others.values.allSatisfy { !$0 }, "\(asPage)")
  }

  @Test func withoutStoredFactsAReplayedPageIsAnalysed() async throws {
    let replay = Replay([Self.home: Self.page(Self.home)])
    let recorder = FactsRecorder()
    let crawl = await crawl(replay: replay, recorder: recorder, client: Pages())
    #expect(crawl.pages.map(\.title) == ["Analysed", "Analysed"])
    #expect(await recorder.facts.keys.sorted() == [Self.home, Self.home + "a"])
  }

  @Test func htmlIsKnownByItsMediaTypeInAnyCase() {
    let html = ["text/html", "text/html; charset=utf-8", "Text/HTML", "application/xhtml+xml", ""]
    for html in html {
      #expect(PageReading.isHTML(html), "\(html)")
    }
    for other in ["image/png", "application/pdf", "text/plain; charset=utf-8"] {
      #expect(!PageReading.isHTML(other), "\(other)")
    }
  }
}
