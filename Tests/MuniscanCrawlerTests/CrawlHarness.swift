import FixtureServer
import Foundation
import Logging
import MuniscanCore
import MuniscanHTTP

@testable import MuniscanCrawler

/// Runs real crawls against a FixtureServer on 127.0.0.1: the site is `www.vald.ee` (and
/// `vald.ee`) reached through `--resolve`, with short timeouts so every hostile case ends fast.
enum CrawlHarness {
  static let host = "www.vald.ee"

  /// Options for tests: no delay, quick retries.
  static func options(
    maxPages: Int = 50, maxDepth: Int = 10, delay: Double = 0, connectionsPerHost: Int = 1,
    maxAttempts: Int = 3, maxConsecutiveFailures: Int = 5, filter: URLFilter = URLFilter(),
    headDocuments: Bool = false, maxRetryAfter: Double = 60
  ) -> CrawlOptions {
    CrawlOptions(
      maxPages: maxPages, maxDepth: maxDepth, delay: delay, connectionsPerHost: connectionsPerHost,
      retry: RetryPolicy(
        maxAttempts: maxAttempts, baseDelay: 0.05, maxDelay: 0.2, maxRetryAfter: maxRetryAfter),
      maxConsecutiveFailures: maxConsecutiveFailures, filter: filter, headDocuments: headDocuments)
  }

  /// What a crawl gave and what the server saw.
  struct Run {
    var crawl: SiteCrawl
    var requests: [FixtureRequest]
    var seconds: Double
    /// When the crawler handed each request of the site to the HTTP client, in seconds.
    var starts: [(url: String, at: Double)]
    /// The most requests of the whole crawl that were with the HTTP client at once.
    var mostAtOnce: Int

    func page(_ path: String) -> PageFacts? {
      crawl.pages.first { $0.url.hasSuffix(":\(port)\(path)") }
    }
    var port: Int
    /// Requests for `path` (path and query as sent).
    func requests(for target: String) -> [FixtureRequest] {
      requests.filter { $0.target == target }
    }
    func problems(mentioning text: String) -> [String] {
      crawl.problems.filter { $0.contains(text) }
    }
  }

  /// The harness's request timeout unless a test gives one: these tests count requests and
  /// read pages, not time, and a 1 s timeout once turned a slow answer into a retry or a missing
  /// page while the rest of the suite kept both cores busy. Hostile-site tests pass a short one.
  static let roomyTimeout = 10.0

  /// Crawls `http://www.vald.ee:PORT/` (`http://vald.ee:PORT/` when `bare`) served by
  /// `handler`.
  static func crawl(
    options: CrawlOptions = options(), timeout: Double = roomyTimeout,
    maxBodyBytes: Int = 1_000_000,
    sites: [String] = ["vald.ee"], bare: Bool = false, pages: PageKeeping = .factsOnDisk,
    preread: SiteCrawler.Preread? = nil,
    handler: @escaping @Sendable (FixtureRequest) async -> FixtureResponse
  ) async throws -> Run {
    let runs = try await crawlNation(
      options: options, timeout: timeout, maxBodyBytes: maxBodyBytes, sites: sites, bare: bare,
      pages: pages, preread: preread, handler: handler)
    return runs[0]
  }

  /// Crawls every site of `sites` (bare domains, each reached as `www.` unless `bare`) with a
  /// NationCrawler holding at most `window` answers at once.
  static func crawlNation(
    options: CrawlOptions = options(), timeout: Double = roomyTimeout,
    maxBodyBytes: Int = 1_000_000,
    sites: [String], bare: Bool = false, window: Int = SiteCrawler.defaultWindow,
    pages: PageKeeping = .factsOnDisk, preread: SiteCrawler.Preread? = nil,
    handler: @escaping @Sendable (FixtureRequest) async -> FixtureResponse
  ) async throws -> [Run] {
    let server = try await FixtureServer.start(handler: handler)
    let port = server.port
    let client = try HTTPClient(
      configuration: HTTPClientConfiguration(
        resolve: sites.flatMap { ["\($0):\(port):127.0.0.1", "www.\($0):\(port):127.0.0.1"] },
        connectTimeout: 1, totalTimeout: timeout, maxBodyBytes: maxBodyBytes))
    let timed = TimedClient(client)
    let crawler = SiteCrawler(
      client: timed, options: options, logger: Logger(label: "test"), window: window,
      pages: pages, preread: preread)
    let collected = Collected()
    let start = ContinuousClock.now
    await NationCrawler(crawler: crawler).crawl(
      sites.map { Site(name: $0, url: "http://\(bare ? "" : "www.")\($0):\(port)/") }
    ) { crawl in await collected.add(crawl) }
    let elapsed = ContinuousClock.now - start
    client.shutdown()
    let log = server.requestLog
    try await server.stop()
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return await collected.all.sorted { $0.site.url < $1.site.url }.map { crawl in
      let key = URLNormalizer.siteKey(crawl.site.url) ?? ""
      let requests = log.filter { $0.host == key || $0.host == "www." + key }
      let starts = timed.starts.filter { URLNormalizer.siteKey($0.url) == key }
      return Run(
        crawl: crawl, requests: requests, seconds: seconds, starts: starts,
        mostAtOnce: timed.mostAtOnce, port: port)
    }
  }

  actor Collected {
    var all: [SiteCrawl] = []
    func add(_ crawl: SiteCrawl) { all.append(crawl) }
  }

  /// A small HTML page titled `title` linking to `links`.
  static func page(_ title: String, links: [String] = [], body: String = "") -> FixtureResponse {
    let anchors = links.map { "<a href=\"\($0)\">\($0)</a>" }.joined(separator: " ")
    return .html(
      "<!doctype html><html lang=\"et\"><head><title>\(title)</title></head><body><h1>\(title)</h1>"
        + "<p>\(body)</p><nav>\(anchors)</nav></body></html>")
  }

  /// A site whose home page links to `/a`, `/b` and `extra` (before them when `extraFirst`),
  /// answering the paths in `special` as given, `/a` and `/b` with pages, robots.txt and
  /// everything else with 404.
  static func site(
    extra: [String], extraFirst: Bool = false,
    special: @escaping @Sendable (FixtureRequest) async -> FixtureResponse?
  ) -> @Sendable (FixtureRequest) async -> FixtureResponse {
    { request in
      if let answer = await special(request) { return answer }
      switch request.path {
      case "/":
        return page("Avaleht", links: extraFirst ? extra + ["/a", "/b"] : ["/a", "/b"] + extra)
      case "/a": return page("Leht A", links: ["/b"])
      case "/b": return page("Leht B", links: ["/a"])
      default: return .notFound
      }
    }
  }
}

/// An HTTP client that notes when each request was handed to it, and how many were under way
/// at once.
final class TimedClient: HTTPFetching, @unchecked Sendable {
  private let client: any HTTPFetching
  private let lock = NSLock()
  private var log: [(url: String, at: Double)] = []
  private var atOnce = 0
  private var most = 0
  private let origin = ContinuousClock.now

  init(_ client: any HTTPFetching) { self.client = client }

  func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
    let elapsed = ContinuousClock.now - origin
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    lock.withLock {
      log.append((request.url, seconds))
      atOnce += 1
      most = max(most, atOnce)
    }
    defer { lock.withLock { atOnce -= 1 } }
    return try await client.fetch(request)
  }

  var starts: [(url: String, at: Double)] { lock.withLock { log } }
  /// The most fetches that were under way at once.
  var mostAtOnce: Int { lock.withLock { most } }
}

/// A counter shared with a server handler.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  private var highest = 0

  /// Adds `delta`; returns the new value.
  @discardableResult
  func add(_ delta: Int) -> Int {
    lock.withLock {
      value += delta
      highest = max(highest, value)
      return value
    }
  }

  var peak: Int { lock.withLock { highest } }
}
