import Foundation
import MuniscanCore
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
}
