/// What the crawler gathered about one site: the artifact that scoring reads. It holds facts,
/// never verdicts, so a crawl can be scored again with other rules or another audit date.
public struct SiteCrawl: Sendable, Codable, Hashable {
  public var site: Site
  public var outcome: CrawlOutcome
  /// The home page URL after redirects, when it could be fetched.
  public var finalURL: String?
  /// HTTPS facts for `site.https`.
  public var https: HTTPSFacts
  public var pages: [PageFacts]
  /// Redirects met while crawling, from URL to `Location` target.
  public var redirects: [String: String]
  /// Fetch failures and skipped URLs, one line each (`URL: reason`).
  public var problems: [String]
  /// The crawler stopped early after too many consecutive failures.
  public var gaveUp: Bool
  public var stats: CrawlStats
  /// What the rules read in each page's text while the site was crawled, by page (empty for a
  /// page not read ahead): bytes of the evaluator that wrote them, for it to read in the same
  /// run, never stored.
  public var prereads: [[UInt8]] = []

  private enum CodingKeys: String, CodingKey {
    case site, outcome, finalURL, https, pages, redirects, problems, gaveUp, stats
  }

  public init(
    site: Site, outcome: CrawlOutcome, finalURL: String? = nil, https: HTTPSFacts = .init(),
    pages: [PageFacts] = [], redirects: [String: String] = [:], problems: [String] = [],
    gaveUp: Bool = false, stats: CrawlStats = .init(), prereads: [[UInt8]] = []
  ) {
    self.site = site
    self.outcome = outcome
    self.finalURL = finalURL
    self.https = https
    self.pages = pages
    self.redirects = redirects
    self.problems = problems
    self.gaveUp = gaveUp
    self.stats = stats
    self.prereads = prereads
  }
}

/// Whether a crawl got far enough to judge the site. Every case but `crawled` leaves the site
/// unjudged (its findings `unknown` with the reason), so an outage, a closed door or a damaged
/// archive is never ranked as if the site lacked its pages.
public enum CrawlOutcome: Sendable, Codable, Hashable {
  case crawled
  /// The site did not answer: no answer at all from its host (DNS error, refused connection,
  /// timeout), or its home page answered an error status.
  case unreachable(reason: String)
  /// robots.txt keeps crawlers off the site (RFC 9309): it disallows the home page, or it
  /// answered a server error, which means complete disallow ("robots.txt disallows crawling",
  /// "robots.txt unreachable (HTTP 503)").
  case closedByRobots(reason: String)
  /// Scored from an archive that lacks part of the site's crawl (an unreadable record or file,
  /// a missing index, no finished crawl): what is there would give a wrong score.
  case incomplete(reason: String)

  public var isReachable: Bool {
    if case .crawled = self { return true }
    return false
  }

  /// Why the site was not judged; nil when it was crawled.
  public var reason: String? {
    switch self {
    case .crawled: return nil
    case .unreachable(let reason), .closedByRobots(let reason), .incomplete(let reason):
      return reason
    }
  }
}

/// How the site uses HTTPS: served over it, and whether plain HTTP redirects to it.
public struct HTTPSFacts: Sendable, Codable, Hashable {
  /// The home page, after redirects, is an https URL.
  public var servedOverHTTPS: Bool
  /// `http://` of the home page was requested and redirected to `https://`; nil when not probed.
  public var httpRedirectsToHTTPS: Bool?

  public init(servedOverHTTPS: Bool = false, httpRedirectsToHTTPS: Bool? = nil) {
    self.servedOverHTTPS = servedOverHTTPS
    self.httpRedirectsToHTTPS = httpRedirectsToHTTPS
  }
}
