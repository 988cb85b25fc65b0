import MuniscanCore

/// A finished site: one line of `done.jsonl`, written when its crawl is complete. Resuming skips
/// the sites it lists, and `score` reads from it how each crawl ended and how many responses its
/// page index must hold.
public struct FinishedSite: Sendable, Codable, Hashable {
  /// The site's URL in the sites file.
  public var url: String
  public var name: String
  /// Why the site could not be crawled, when it could not.
  public var unreachable: String?
  /// Why robots.txt closed the site to the crawler, when it did.
  public var closedByRobots: String?
  /// Whether the crawler stopped early after too many consecutive failures (absent: no).
  public var gaveUp: Bool?
  public var pages: Int
  public var stats: CrawlStats
  /// Lines of the site's page index when it finished (absent in archives of earlier versions):
  /// scoring checks that the index still holds them all.
  public var responses: Int?
  public var finishedAt: String

  init(_ crawl: SiteCrawl, responses: Int, finishedAt: Double) {
    url = crawl.site.url
    name = crawl.site.name
    switch crawl.outcome {
    case .unreachable(let reason): unreachable = reason
    case .closedByRobots(let reason): closedByRobots = reason
    case .crawled, .incomplete: break
    }
    gaveUp = crawl.gaveUp ? true : nil
    pages = crawl.pages.count
    stats = crawl.stats
    self.responses = responses
    self.finishedAt = UTCTime.iso(finishedAt)
  }

  /// How the site's crawl ended, as the crawl said when it finished.
  public var outcome: CrawlOutcome {
    if let unreachable { return .unreachable(reason: unreachable) }
    if let closedByRobots { return .closedByRobots(reason: closedByRobots) }
    return .crawled
  }
}
