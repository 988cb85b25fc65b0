import FixtureServer
import MuniscanCore
import Testing

@testable import MuniscanCrawler

@Suite struct ResponseSourceTests {
  /// Sites crawled together share one window of answers: with room for one, no request starts
  /// while another site's answer is under way or waiting to be read, however many sites run.
  @Test func theWindowHoldsBackRequestsOfEverySite() async throws {
    let sites = ["uks.ee", "kaks.ee", "kolm.ee", "neli.ee"]
    let runs = try await CrawlHarness.crawlNation(sites: sites, window: 1) { request in
      try? await Task.sleep(for: .milliseconds(20))
      if request.path == "/" { return CrawlHarness.page("Avaleht", links: ["/a", "/b"]) }
      return CrawlHarness.page("Leht")
    }
    #expect(runs.count == sites.count)
    for run in runs {
      #expect(run.crawl.pages.count == 3)
      #expect(run.mostAtOnce == 1)
    }
  }

  /// The window is a bound, not a queue of sites: with room for all of them, the sites' requests
  /// overlap.
  @Test func aWideWindowLetsSitesFetchTogether() async throws {
    let runs = try await CrawlHarness.crawlNation(sites: ["uks.ee", "kaks.ee"], window: 8) {
      request in
      try? await Task.sleep(for: .milliseconds(100))
      return CrawlHarness.page(request.path == "/" ? "Avaleht" : "Leht")
    }
    #expect(runs.first?.mostAtOnce == 2)
  }
}
