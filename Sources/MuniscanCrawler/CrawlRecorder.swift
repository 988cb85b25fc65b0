import MuniscanCore
import MuniscanHTTP

/// One exchange with a server as the crawler saw it: what was asked, what came back, when.
public struct Exchange: Sendable {
  public var site: Site
  public var request: HTTPRequest
  public var response: HTTPResponse
  /// Seconds since 1970 when the response arrived.
  public var fetchedAt: Double

  public init(site: Site, request: HTTPRequest, response: HTTPResponse, fetchedAt: Double) {
    self.site = site
    self.request = request
    self.response = response
    self.fetchedAt = fetchedAt
  }
}

extension Exchange {
  /// Whether the crawl reads this answer as a page, so its page facts may follow
  /// (``CrawlRecorder/recordFacts(_:site:url:)``): a GET answered with HTML (or no content
  /// type) that is neither an error nor a redirect.
  public var readsAsPage: Bool {
    request.method == .get && response.status < 400 && response.redirectLocation == nil
      && PageReading.isHTML(response.header("content-type") ?? "")
  }
}

/// Receives every exchange of a crawl as it happens (the WARC archive is one), so the crawl
/// itself stays free of storage concerns.
public protocol CrawlRecorder: Sendable {
  func record(_ exchange: Exchange) async throws
  /// The facts the crawl read from the page of `url` by analysing it, so a recorder can keep
  /// them beside the exchange of that page it recorded last (one that ``Exchange/readsAsPage``).
  /// A page replayed rather than fetched has no such exchange in this run: its facts are for
  /// the recorder to ignore.
  func recordFacts(_ facts: PageFacts, site: Site, url: String) async
  /// Called once per site when its crawl is complete.
  func finish(_ crawl: SiteCrawl) async throws
}

extension CrawlRecorder {
  /// Keeps no page facts.
  public func recordFacts(_ facts: PageFacts, site: Site, url: String) async {}
}

/// Answers from an earlier, interrupted crawl of a site, replayed instead of fetched again:
/// because the crawl is deterministic given its answers, replaying them rebuilds the frontier
/// exactly, and the crawl continues where it stopped without fetching any page twice. The
/// answers are held in memory or read when asked for (from an archive), so replaying a large
/// site need not hold all its pages at once.
public struct Replay: Sendable {
  private let lookup: @Sendable (_ url: String, _ asPage: Bool) -> HTTPResponse?
  private let storedFacts: (@Sendable (String, Int) -> PageFacts?)?
  /// How a fetch of a URL the replay lacks fails, when the crawl failed that way: the error of
  /// a site that could not be reached, exactly as it was reported.
  private let unarchived: String?
  /// How many URLs have an answer.
  public let count: Int

  public init(_ responses: [String: HTTPResponse] = [:], unarchived failure: String? = nil) {
    self.init(count: responses.count, unarchived: failure) { url, _ in responses[url] }
  }

  /// Answers for `count` URLs, each read by `lookup` when it is asked for (nil for a URL
  /// without one, or whose answer can no longer be read). `facts` gives the page facts kept
  /// for the answer `lookup` gave for a URL, at the depth asked for (the analysis only copies
  /// the depth into them). An answer asked for as a page (`asPage`) may come without its body
  /// when `facts` has the facts read from it.
  public init(
    count: Int, unarchived failure: String? = nil,
    lookup: @escaping @Sendable (_ url: String, _ asPage: Bool) -> HTTPResponse?,
    facts: (@Sendable (_ url: String, _ depth: Int) -> PageFacts?)? = nil
  ) {
    self.lookup = lookup
    storedFacts = facts
    self.count = count
    unarchived = failure
  }

  public var isEmpty: Bool { count == 0 && unarchived == nil }

  /// The recorded answer for `url`: its response, the original failure (thrown), or nil. An
  /// answer the crawl reads as a page (`asPage`) may come without its body (see
  /// ``HTTPResponse/omittedBodyLength``) when ``facts(for:depth:)`` has the facts read from it;
  /// any other answer comes whole (a robots.txt or sitemap is read from its body).
  public func answer(for url: String, asPage: Bool = false) throws -> HTTPResponse? {
    if let response = lookup(url, asPage) { return response }
    if let unarchived { throw ReplayedFailure(description: unarchived) }
    return nil
  }

  /// The page facts kept with the answer replayed for `url`, at `depth`: what analysing that
  /// answer again would give, so it need not be parsed.
  public func facts(for url: String, depth: Int) -> PageFacts? {
    storedFacts?(url, depth)
  }
}

/// A fetch failure replayed from an archive, described exactly as it was when it happened.
public struct ReplayedFailure: Error, CustomStringConvertible, Sendable {
  public var description: String
}
