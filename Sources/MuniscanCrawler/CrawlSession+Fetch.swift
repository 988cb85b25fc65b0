import MuniscanCore
import MuniscanHTTP

/// Single requests outside the page crawl (home page, sitemaps, document HEADs, the HTTPS
/// probe), each following its redirects as far as robots.txt allows, and the redirect rules the
/// page crawl shares.
extension CrawlSession {
  enum FetchResult {
    /// The final answer and its URL; a page read as it came (`analysing`) is in `page`, and its
    /// response's body is then empty.
    case answer(HTTPResponse, url: String, page: PageReading?)
    case failed(String)
    /// A redirect led somewhere the policy does not go (off the site, seen).
    case skipped
    /// robots.txt keeps the crawler from the URL or from a redirect's target.
    case refused(RobotsRefusal)
  }

  /// Where redirects may lead.
  enum RedirectPolicy {
    /// Anywhere (the home page: its final host defines the site).
    case anywhere
    /// To pages of the site that the crawl has not seen.
    case pages
    /// To any URL on the site's hosts (sitemaps, documents).
    case onSite
  }

  enum RedirectDecision: Equatable {
    case follow(String)
    /// Not followed; with a problem line when that is a fault of the site.
    case stop(String?)
  }

  /// Fetches `url`, following redirects (recorded) as the policy allows, up to the limit; each
  /// URL of the chain only when robots.txt allows it. `analysing` reads a final answer of
  /// 200–399 as a page at depth 0 while it holds its place in the window (see `ResponseSource`).
  func fetchFollowing(
    _ url: String, method: HTTPMethod = .get, redirects policy: RedirectPolicy,
    analysing: Bool = false
  ) async -> FetchResult {
    let (source, analyzers) = (source, analysing ? analyzers : nil)
    var chain = [url]
    while true {
      let current = chain[chain.count - 1]
      if let refusal = await robotsRefusal(for: current) { return .refused(refusal) }
      state.requests += 1
      let (response, bytes, page): (HTTPResponse, Int, PageReading?)
      do {
        // In a task of its own, whose frames go when it ends: the site's task outlives all its
        // requests, and a task keeps the memory of its deepest frames until it ends.
        (response, bytes, page) = try await withThrowingTaskGroup(
          of: (HTTPResponse, Int, PageReading?).self
        ) { group in
          group.addTask {
            try await Self.fetch(current, method: method, source: source, analyzers: analyzers)
          }
          return try await group.next()!
        }
      } catch {
        return .failed("\(error)")
      }
      await page?.record(in: source)
      state.bytes += bytes
      guard let location = response.redirectLocation else {
        return .answer(response, url: current, page: page)
      }
      switch redirectTarget(of: current, location: location, chain: chain, policy: policy) {
      case .follow(let target):
        chain.append(target)
      case .stop(let problem):
        return problem.map { .failed($0) } ?? .skipped
      }
    }
  }

  /// The answer to `url`, read as a page at depth 0 when `analyzers` are given and it is one
  /// (its head then without the body), and the body's size.
  private static func fetch(
    _ url: String, method: HTTPMethod, source: ResponseSource, analyzers: AnalyzerPool?
  ) async throws -> (HTTPResponse, Int, PageReading?) {
    try await source.fetch(url, method: method, asPage: analyzers != nil) { response in
      let isPage = (200..<400).contains(response.status) && response.redirectLocation == nil
      guard let analyzers, isPage else { return (response, response.bodyLength, nil) }
      var head = response
      head.body = []
      let page = PageReading(response, url: url, depth: 0, source: source, analyzers: analyzers)
      return (head, response.bodyLength, page)
    }
  }

  /// Where a redirect from `url` (reached through `chain`) goes next, if anywhere; records it.
  func redirectTarget(
    of url: String, location: String, chain: [String], policy: RedirectPolicy
  ) -> RedirectDecision {
    guard let target = URLNormalizer.resolve(location, against: url) else {
      return .stop("redirect to an invalid URL '\(location)'")
    }
    state.spool.appendRedirect(from: url, to: target)
    if chain.contains(target) { return .stop("redirect loop back to \(target)") }
    if chain.count > options.maxRedirects {
      return .stop("more than \(options.maxRedirects) redirects")
    }
    switch policy {
    case .anywhere:
      return .follow(target)
    case .pages:
      guard scope.contains(target), !frontier.hasSeen(target) else { return .stop(nil) }
      frontier.markSeen(target)
      return .follow(target)
    case .onSite:
      return scope.isOnSite(target) ? .follow(target) : .stop(nil)
    }
  }

  /// Whether the site is on HTTPS and plain HTTP redirects there (probing `http://` once when
  /// the crawl did not start from it and robots.txt allows).
  func httpsFacts(start: String, home: String) async -> HTTPSFacts {
    guard home.hasPrefix("https://") else {
      return HTTPSFacts(servedOverHTTPS: false, httpRedirectsToHTTPS: false)
    }
    if start.hasPrefix("http://") {
      return HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: true)
    }
    let plain = "http://" + home.dropFirst("https://".count)
    guard await robotsRefusal(for: plain) == nil else {
      return HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: nil)
    }
    state.requests += 1
    guard let response = try? await source.fetch(plain) else {
      return HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: nil)
    }
    let location = response.location.flatMap { URLNormalizer.resolve($0, against: plain) }
    let redirects =
      (300..<400).contains(response.status) && (location?.hasPrefix("https://") ?? false)
    return HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: redirects)
  }
}
