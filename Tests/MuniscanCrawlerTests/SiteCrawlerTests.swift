import FixtureServer
import Foundation
import Logging
import MuniscanCore
import MuniscanHTTP
import Testing

@testable import MuniscanCrawler

@Suite struct SiteCrawlerTests {
  /// A crawl that keeps no page facts (an archiving crawl: its recorder keeps them) still
  /// gives every page's URL, depth and status, which its summary counts, and nothing more.
  @Test func withoutPageFactsPagesKeepTheirURLDepthAndStatus() async throws {
    let handler = CrawlHarness.site(extra: ["/puudu"]) { _ in nil }
    let full = try await CrawlHarness.crawl(handler: handler)
    let bare = try await CrawlHarness.crawl(pages: .addressesOnly, handler: handler)
    let summary = { (run: CrawlHarness.Run) in
      run.crawl.pages.map {
        "\(URLComponents(string: $0.url)?.path ?? "?") \($0.depth) \($0.status)"
      }
    }
    #expect(summary(full).count == 4 && summary(bare) == summary(full), "\(summary(full))")
    #expect(full.page("/a")?.title == "Leht A" && !(full.page("/")?.links.isEmpty ?? true))
    #expect(bare.crawl.pages.allSatisfy { $0.title.isEmpty && $0.links.isEmpty })
    #expect(bare.crawl.stats == full.crawl.stats)
  }

  /// What the judge reads in a page ahead is read in every page as it is analysed and comes
  /// back beside it; an error answer, which no rule reads, has none.
  @Test(arguments: [PageKeeping.factsOnDisk, .factsInMemory]) func pagesAreReadAheadAsTheyCome(
    pages: PageKeeping
  ) async throws {
    let handler = CrawlHarness.site(extra: ["/puudu"]) { _ in nil }
    let run = try await CrawlHarness.crawl(
      pages: pages, preread: { Array("read \($0.url)".utf8) }, handler: handler)
    #expect(run.crawl.pages.count == 4 && run.crawl.pages.contains { $0.status == 404 })
    let readings = run.crawl.pages.indices.map {
      $0 < run.crawl.prereads.count ? String(decoding: run.crawl.prereads[$0], as: UTF8.self) : ""
    }
    #expect(
      readings == run.crawl.pages.map { $0.status == 200 ? "read \($0.url)" : "" }, "\(readings)")
  }

  /// A site whose crawl has ended keeps none of the URLs it saw or left waiting while it waits
  /// for its turn to be judged (a thousand sites end within a second and are judged a few at a
  /// time), and still gives every page it gathered.
  @Test func aFinishedCrawlForgetsItsFrontier() async throws {
    let handler = CrawlHarness.site(extra: ["/c", "/d", "/e"]) { _ in nil }
    let server = try await FixtureServer.start(handler: handler)
    let client = try HTTPClient(
      configuration: HTTPClientConfiguration(
        resolve: ["www.vald.ee:\(server.port):127.0.0.1"], connectTimeout: 1,
        totalTimeout: CrawlHarness.roomyTimeout))
    let crawler = SiteCrawler(
      client: client, options: CrawlHarness.options(maxPages: 2), logger: Logger(label: "test"),
      pages: .factsOnDisk)
    let session = await crawler.gather(
      Site(name: "Vald", url: "http://www.vald.ee:\(server.port)/"))
    #expect(session.frontier.isEmpty, "URLs beyond the two pages' budget still held")
    #expect(session.robotsByURL.isEmpty)
    let crawl = await crawler.finish(session)
    client.shutdown()
    try await server.stop()
    #expect(crawl.pages.count == 2 && crawl.pages.allSatisfy { !$0.title.isEmpty })
  }
}
