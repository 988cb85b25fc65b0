import MuniscanCore
import MuniscanHTTP

/// robots.txt is the first request to every host of a crawl (RFC 9309 § 2.3.1): before anything
/// is fetched from an origin (scheme, host and port: the site's host, the `www.` host its home
/// page redirects to, `http://` probed for the HTTPS facts) its robots.txt is read, and every
/// request of the site after that passes its rules.
extension CrawlSession {
  /// Redirects of a robots.txt followed at most (RFC 9309 § 2.3.1.2 asks for at least five).
  static let maxRobotsRedirects = 5

  /// Why robots.txt keeps the crawler from `url`, reading the robots.txt of its origin first
  /// when nothing was asked of that origin yet; nil when `url` may be fetched.
  func robotsRefusal(for url: String) async -> RobotsRefusal? {
    // Resolved once: every URL of a crawl (and of its replay) passes here.
    guard let robotsURL = robotsURL(for: url) else { return nil }
    if let host = robotsByURL[robotsURL] {
      return host.refusal(for: url, agent: options.robotsAgent)
    }
    let host = await fetchRobots(robotsURL)
    robotsByURL[robotsURL] = host
    if let delay = host.rules.crawlDelay(agent: options.robotsAgent) {
      source.slowDown(to: min(delay, options.maxCrawlDelay))
    }
    return host.refusal(for: url, agent: options.robotsAgent)
  }

  /// Why the robots.txt read so far keeps the crawler from `url`; nil when it may be fetched or
  /// its origin's robots.txt has not been read yet.
  func knownRobotsRefusal(for url: String) -> RobotsRefusal? {
    knownRobots(for: url)?.refusal(for: url, agent: options.robotsAgent)
  }

  /// The robots.txt of `url`'s origin; nil when it has not been read (yet) or is not obeyed.
  func knownRobots(for url: String) -> HostRobots? {
    robotsURL(for: url).flatMap { robotsByURL[$0] }
  }

  /// The robots.txt that governs `url`; nil when robots.txt is not obeyed. Resolved once for
  /// each `scheme://authority` (every URL of a crawl asks, and resolving through Foundation's
  /// URL was 0.6 % of a thousand-site crawl's CPU): `/robots.txt` resolved against a URL
  /// depends on nothing else of it.
  private func robotsURL(for url: String) -> String? {
    guard options.obeyRobots else { return nil }
    let origin = RobotsURLEncoding.origin(of: url)
    if let origin, let known = robotsURLByOrigin[origin] { return known }
    let resolved = URLNormalizer.resolve("/robots.txt", against: url)
    if let origin { robotsURLByOrigin[origin] = resolved }
    return resolved
  }

  /// The robots.txt at `url`, its redirects followed (anywhere, as the RFC says); the answer of
  /// another origin's robots.txt met on the way is kept as that origin's, and one read already
  /// is not asked for again. More redirects than the limit allow everything (§ 2.3.1.2).
  private func fetchRobots(_ url: String) async -> HostRobots {
    var current = url
    for _ in 0...Self.maxRobotsRedirects {
      if let known = robotsByURL[current] { return known }
      state.requests += 1
      let response: HTTPResponse
      do {
        response = try await source.fetch(current)
      } catch {
        return HostRobots(noAnswer: "\(error)")
      }
      guard let location = response.redirectLocation,
        let target = URLNormalizer.resolve(location, against: current)
      else {
        let host = HostRobots(status: response.status, body: response.body)
        if current != url, URLNormalizer.resolve("/robots.txt", against: current) == current {
          robotsByURL[current] = host
        }
        return host
      }
      current = target
    }
    return HostRobots(rules: .allowAll, failure: nil)
  }
}
