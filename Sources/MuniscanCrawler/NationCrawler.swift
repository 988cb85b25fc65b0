import Foundation
import MuniscanCore

/// Crawls many sites at once, at most `options.concurrentSites` at a time, handing each
/// finished site to `onSite` as soon as it is done, in the site's own task. Sites keep their
/// pages on disk while they are crawled and only a few (one per processor) are read back and
/// handed on at a time, so memory stays flat however many sites are crawled together; `onSite`
/// may run for that many sites at once. While it crawls, freed heap pages go back to the system
/// each second (see ``MemoryScavenger``).
public struct NationCrawler: Sendable {
  let crawler: SiteCrawler

  public init(crawler: SiteCrawler) { self.crawler = crawler }

  /// `replay` gives each site the answers archived by an earlier, interrupted run. Sites are
  /// judged (`onSite`) a few at a time while others are still crawled. Once the calling task is
  /// cancelled no further site is started.
  public func crawl(
    _ sites: [Site], replay: @escaping @Sendable (Site) async -> Replay = { _ in Replay() },
    onSite: @escaping @Sendable (SiteCrawl) async -> Void
  ) async {
    let crawler = crawler
    let gate = AsyncGate(permits: ProcessInfo.processInfo.activeProcessorCount)
    let work: @Sendable (Site) async -> Void = { site in
      let gathered = await crawler.gather(site, replay: await replay(site))
      await gate.enter()
      await onSite(crawler.finish(gathered))
      gate.leave()
    }
    let scavenger = Task { await MemoryScavenger.run() }
    defer { scavenger.cancel() }
    await withTaskGroup(of: Void.self) { group in
      var pending = sites.makeIterator()
      for _ in 0..<max(1, crawler.options.concurrentSites) {
        guard let site = pending.next() else { break }
        group.addTask { await work(site) }
      }
      while await group.next() != nil {
        if !Task.isCancelled, let site = pending.next() { group.addTask { await work(site) } }
      }
    }
  }
}
