import Foundation
import MuniscanCore

/// Crawls many sites at once, at most `options.concurrentSites` at a time, handing each
/// finished site to `onSite` as soon as it is done, in the site's own task. Sites keep their
/// pages on disk while they are crawled and only a few (one per processor) are read back and
/// handed on at a time, so memory stays flat however many sites are crawled together; `onSite`
/// may run for that many sites at once. While it crawls, freed heap pages go back to the system
/// four times a second (see ``MemoryScavenger``). The sites started together begin their
/// requests in two groups, one delay apart (see ``firstRequestWait(ofSite:among:delay:)``).
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
    let together = min(max(1, crawler.options.concurrentSites), sites.count)
    let delay = crawler.options.delay
    let work: @Sendable (Site, Duration) async -> Void = { site, wait in
      if wait > .zero {
        await SleepQueue.shared.sleep(until: .now + wait)
        if Task.isCancelled { return }
      }
      let gathered = await crawler.gather(site, replay: await replay(site))
      await gate.enter()
      await onSite(crawler.finish(gathered))
      gate.leave()
    }
    let scavenger = Task { await MemoryScavenger.run() }
    defer { scavenger.cancel() }
    await withTaskGroup(of: Void.self) { group in
      var pending = sites.makeIterator()
      for index in 0..<together {
        guard let site = pending.next() else { break }
        let wait = Self.firstRequestWait(ofSite: index, among: together, delay: delay)
        group.addTask { await work(site, wait) }
      }
      while await group.next() != nil {
        if !Task.isCancelled, let site = pending.next() {
          group.addTask { await work(site, .zero) }
        }
      }
    }
  }

  /// How long the `index`-th of `count` sites started together waits before its first request:
  /// every second site one delay, so they go in two groups, one delay apart. Sites that start in
  /// step stay in step, each request `delay` after its last: all their cheap answers (robots.txt,
  /// redirects) come together, then all their pages, and at a thousand sites whose pages
  /// redirect the processors idle between the bursts while the pages queue (CPU use swinging
  /// between 60 and 96 % every 0.25 s). In two groups one group's pages come with the other's
  /// redirects. Within a group the sites stay in step, so their requests still share wake-ups:
  /// spreading every site's start apart cost a crawl of a hundred sites a quarter more CPU. A
  /// site that replaces a finished one starts at once.
  static func firstRequestWait(ofSite index: Int, among count: Int, delay: Double) -> Duration {
    guard count > 1, delay > 0, index % 2 == 1 else { return .zero }
    return .delay(seconds: delay)
  }
}
