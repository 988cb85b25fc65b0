import MuniscanCore
import MuniscanHTTP

/// Single requests outside the page crawl (home page, robots.txt, sitemaps, document HEADs),
/// each following its redirects, and the redirect rules the page crawl shares.
extension CrawlSession {
  enum FetchResult {
    case answer(HTTPResponse, url: String)
    case failed(String)
    /// A redirect led somewhere the policy does not go (off the site, disallowed, seen).
    case skipped
  }

  /// Where redirects may lead.
  enum RedirectPolicy {
    /// Anywhere (the home page: its final host defines the site).
    case anywhere
    /// To pages of the site that robots.txt allows and the crawl has not seen.
    case pages
    /// To any URL on the site's hosts that robots.txt allows (sitemaps, documents).
    case onSite
  }

  enum RedirectDecision: Equatable {
    case follow(String)
    /// Not followed; with a problem line when that is a fault of the site.
    case stop(String?)
  }

  /// Fetches `url`, following redirects (recorded) as the policy allows, up to the limit.
  mutating func fetchFollowing(
    _ url: String, method: HTTPMethod = .get, redirects policy: RedirectPolicy
  ) async -> FetchResult {
    var chain = [url]
    while true {
      let current = chain[chain.count - 1]
      state.requests += 1
      let response: HTTPResponse
      do {
        response = try await source.fetch(current, method: method)
      } catch {
        return .failed("\(error)")
      }
      state.bytes += response.body.count
      guard (300..<400).contains(response.status), let location = response.location else {
        return .answer(response, url: current)
      }
      switch redirectTarget(of: current, location: location, chain: chain, policy: policy) {
      case .follow(let target):
        chain.append(target)
      case .stop(let problem):
        return problem.map { .failed($0) } ?? .skipped
      }
    }
  }

  /// Where a redirect from `url` (reached through `chain`) goes next, if anywhere; records it.
  mutating func redirectTarget(
    of url: String, location: String, chain: [String], policy: RedirectPolicy
  ) -> RedirectDecision {
    guard let target = URLNormalizer.resolve(location, against: url) else {
      return .stop("redirect to an invalid URL '\(location)'")
    }
    state.redirects[url] = target
    if chain.contains(target) { return .stop("redirect loop back to \(target)") }
    if chain.count > options.maxRedirects {
      return .stop("more than \(options.maxRedirects) redirects")
    }
    switch policy {
    case .anywhere:
      return .follow(target)
    case .pages:
      guard scope.contains(target), !frontier.hasSeen(target),
        robots.isAllowed(target, agent: options.robotsAgent)
      else { return .stop(nil) }
      frontier.markSeen(target)
      return .follow(target)
    case .onSite:
      guard scope.isOnSite(target), robots.isAllowed(target, agent: options.robotsAgent) else {
        return .stop(nil)
      }
      return .follow(target)
    }
  }

  /// robots.txt per RFC 9309: up to 5 redirects, 4xx allows all, 5xx or unreachable disallows all.
  mutating func fetchRobots(home: String) async -> RobotsTxt {
    guard var current = URLNormalizer.resolve("/robots.txt", against: home) else {
      return .allowAll
    }
    for _ in 0...5 {
      state.requests += 1
      guard let response = try? await source.fetch(current) else {
        return RobotsTxt.forResponse(status: nil, body: [])
      }
      guard (300..<400).contains(response.status), let location = response.location,
        let target = URLNormalizer.resolve(location, against: current)
      else { return RobotsTxt.forResponse(status: response.status, body: response.body) }
      current = target
    }
    return .allowAll
  }

  /// Whether the site is on HTTPS and plain HTTP redirects there (probing `http://` once when
  /// the crawl did not start from it).
  mutating func httpsFacts(start: String, home: String) async -> HTTPSFacts {
    guard home.hasPrefix("https://") else {
      return HTTPSFacts(servedOverHTTPS: false, httpRedirectsToHTTPS: false)
    }
    if start.hasPrefix("http://") {
      return HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: true)
    }
    let plain = "http://" + home.dropFirst("https://".count)
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
