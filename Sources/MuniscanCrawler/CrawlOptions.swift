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
  /// Requests to one site in flight at once (1 or 2); their starts are still `delay` apart.
  public var connectionsPerHost: Int
  /// Longer URLs are skipped as likely traps.
  public var maxURLLength: Int
  /// Whether robots.txt is fetched and obeyed.
  public var obeyRobots: Bool
  /// The product token matched against robots.txt groups.
  public var robotsAgent: String
  /// Redirects followed per request.
  public var maxRedirects: Int
  /// When and how failed requests are tried again.
  public var retry: RetryPolicy
  /// A site is given up after this many failed pages in a row (no answer, or 5xx/429 after
  /// retries); what was gathered is kept.
  public var maxConsecutiveFailures: Int
  /// Which URLs may be crawled beyond the site's scope: include and exclude patterns, traps.
  public var filter: URLFilter
  /// Whether sitemaps (robots.txt `Sitemap:` lines and `/sitemap.xml`) seed the frontier.
  public var readSitemaps: Bool
  /// Whether documents linked from the site get a HEAD request for size, type and date.
  public var headDocuments: Bool
  /// HEAD requests for documents per site at most.
  public var maxDocumentHeads: Int

  public init(
    maxPages: Int = 300, maxDepth: Int = 10, delay: Double = 1, maxCrawlDelay: Double = 10,
    concurrentSites: Int = 16, connectionsPerHost: Int = 1, maxURLLength: Int = 2000,
    obeyRobots: Bool = true, robotsAgent: String = "muniscan", maxRedirects: Int = 10,
    retry: RetryPolicy = RetryPolicy(), maxConsecutiveFailures: Int = 5,
    filter: URLFilter = URLFilter(),
    readSitemaps: Bool = true, headDocuments: Bool = false, maxDocumentHeads: Int = 50
  ) {
    self.maxPages = maxPages
    self.maxDepth = maxDepth
    self.delay = delay
    self.maxCrawlDelay = maxCrawlDelay
    self.concurrentSites = concurrentSites
    self.connectionsPerHost = connectionsPerHost
    self.maxURLLength = maxURLLength
    self.obeyRobots = obeyRobots
    self.robotsAgent = robotsAgent
    self.maxRedirects = maxRedirects
    self.retry = retry
    self.maxConsecutiveFailures = maxConsecutiveFailures
    self.filter = filter
    self.readSitemaps = readSitemaps
    self.headDocuments = headDocuments
    self.maxDocumentHeads = maxDocumentHeads
  }
}
