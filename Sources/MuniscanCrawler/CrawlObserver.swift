import MuniscanCore

/// Told how a crawl goes while it runs (the command line's progress line is one), so the
/// crawler itself holds no presentation.
public protocol CrawlObserver: Sendable {
  func siteStarted(_ site: Site) async
  func requestFinished(site: Site, bytes: Int) async
  /// Pages that failed or answered with an error.
  func pagesFailed(_ count: Int) async
  func siteFinished(_ crawl: SiteCrawl) async
}
