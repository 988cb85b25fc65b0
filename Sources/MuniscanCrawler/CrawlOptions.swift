/// Limits and manners of a crawl, shared by every site in it.
public struct CrawlOptions: Sendable, Codable {
  /// Pages fetched per site at most (HTML pages and error answers).
  public var maxPages: Int
  /// Clicks from the home page at most.
  public var maxDepth: Int
  /// Seconds between the starts of two requests to the same site.
  public var delay: Double
  /// The longest `Crawl-delay` a robots.txt may impose, in seconds.
  public var maxCrawlDelay: Double
  /// Sites crawled at the same time.
  public var concurrentSites: Int
  /// Longer URLs are skipped as likely traps.
  public var maxURLLength: Int
  /// Whether robots.txt is fetched and obeyed.
  public var obeyRobots: Bool
  /// The product token matched against robots.txt groups.
  public var robotsAgent: String
  /// Redirects followed per request.
  public var maxRedirects: Int

  public init(
    maxPages: Int = 300, maxDepth: Int = 10, delay: Double = 1, maxCrawlDelay: Double = 10,
    concurrentSites: Int = 16, maxURLLength: Int = 2000, obeyRobots: Bool = true,
    robotsAgent: String = "muniscan", maxRedirects: Int = 10
  ) {
    self.maxPages = maxPages
    self.maxDepth = maxDepth
    self.delay = delay
    self.maxCrawlDelay = maxCrawlDelay
    self.concurrentSites = concurrentSites
    self.maxURLLength = maxURLLength
    self.obeyRobots = obeyRobots
    self.robotsAgent = robotsAgent
    self.maxRedirects = maxRedirects
  }
}
