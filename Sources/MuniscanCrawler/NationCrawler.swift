import MuniscanCore

/// Crawls many sites at once, at most `options.concurrentSites` at a time, handing each
/// finished site to `onSite` as soon as it is done (so results stream and memory stays flat).
public struct NationCrawler: Sendable {
  let crawler: SiteCrawler

  public init(crawler: SiteCrawler) { self.crawler = crawler }

  /// `replay` gives each site the answers archived by an earlier, interrupted run. Once the
  /// calling task is cancelled no further site is started.
  public func crawl(
    _ sites: [Site], replay: @escaping @Sendable (Site) async -> Replay = { _ in Replay() },
    onSite: @Sendable (SiteCrawl) async -> Void
  ) async {
    await withTaskGroup(of: SiteCrawl.self) { group in
      var pending = sites.makeIterator()
      for _ in 0..<max(1, crawler.options.concurrentSites) {
        guard let site = pending.next() else { break }
        group.addTask { await crawler.crawl(site, replay: await replay(site)) }
      }
      while let done = await group.next() {
        await onSite(done)
        if !Task.isCancelled, let site = pending.next() {
          group.addTask { await crawler.crawl(site, replay: await replay(site)) }
        }
      }
    }
  }
}
