import Foundation
import Logging
import MuniscanCore
import MuniscanHTML
import MuniscanHTTP

/// Crawls one site breadth-first from its home page, politely (robots.txt, one request at a
/// time with a delay between starts), and gathers PageFacts. It collects; it never judges.
public struct SiteCrawler: Sendable {
  let client: HTTPClient
  let options: CrawlOptions
  let queries: [PageQuery]
  let logger: Logger

  public init(client: HTTPClient, options: CrawlOptions, queries: [PageQuery] = [], logger: Logger) {
    self.client = client
    self.options = options
    self.queries = queries
    self.logger = logger
  }

  public func crawl(_ site: Site) async -> SiteCrawl {
    var state = CrawlState(site: site)
    guard let start = URLNormalizer.normalize(site.url) else {
      state.outcome = .unreachable(reason: "'\(site.url)' is not an http(s) URL")
      return state.result
    }
    let analyzer: PageAnalyzer
    do {
      analyzer = try PageAnalyzer(queries: queries)
    } catch {
      state.outcome = .unreachable(reason: "\(error)")
      return state.result
    }
    var pacer = Pacer(seconds: options.delay)

    // The home page may redirect anywhere (http → https, bare → www); its final host is the site.
    let home = await fetch(start, pacer: &pacer, state: &state, scope: nil)
    guard case .page(let response, let homeURL) = home else {
      if case .failed(let reason) = home { state.outcome = .unreachable(reason: reason) }
      return state.result
    }
    guard (200..<400).contains(response.status) else {
      state.outcome = .unreachable(reason: "home page \(homeURL) answered \(response.status)")
      return state.result
    }
    state.finalURL = homeURL
    let scope = SiteScope(siteKey: URLNormalizer.siteKey(homeURL) ?? "", maxURLLength: options.maxURLLength)
    state.https = await httpsFacts(start: start, home: homeURL, pacer: &pacer, state: &state)

    let robots = options.obeyRobots ? await fetchRobots(home: homeURL, pacer: &pacer) : .allowAll
    if let crawlDelay = robots.crawlDelay(agent: options.robotsAgent), crawlDelay > options.delay {
      pacer = Pacer(seconds: min(crawlDelay, options.maxCrawlDelay))
    }

    var frontier = Frontier()
    frontier.add(homeURL, depth: 0)
    _ = frontier.next()
    record(response, url: homeURL, depth: 0, analyzer: analyzer, scope: scope, frontier: &frontier, state: &state)

    while state.fetched < options.maxPages, let (url, depth) = frontier.next() {
      guard robots.isAllowed(url, agent: options.robotsAgent) else {
        state.robotsExcluded += 1
        state.problems.append("\(url): disallowed by robots.txt")
        continue
      }
      switch await fetch(url, pacer: &pacer, state: &state, scope: scope, robots: robots, frontier: &frontier) {
      case .page(let response, let finalURL):
        record(response, url: finalURL, depth: depth, analyzer: analyzer, scope: scope, frontier: &frontier, state: &state)
      case .failed(let reason):
        state.problems.append("\(url): \(reason)")
      case .skipped:
        break
      }
    }
    state.outcome = .crawled
    logger.info("crawled \(site.name): \(state.pages.count) pages, \(state.problems.count) problems")
    return state.result
  }

  // MARK: - Fetching

  enum FetchResult {
    case page(HTTPResponse, url: String)
    case failed(String)
    /// A redirect led out of scope, to a disallowed URL, or to one already seen.
    case skipped
  }

  /// Fetches `url`, following redirects (recorded) up to the limit; with a scope, each hop must
  /// stay in it.
  private func fetch(
    _ url: String, pacer: inout Pacer, state: inout CrawlState, scope: SiteScope?,
    robots: RobotsTxt = .allowAll, frontier: inout Frontier
  ) async -> FetchResult {
    var current = url
    for _ in 0...options.maxRedirects {
      await pacer.wait()
      state.fetched += 1
      let response: HTTPResponse
      do {
        response = try await client.fetch(HTTPRequest(url: current))
      } catch {
        return .failed("\(error)")
      }
      state.bytes += response.body.count
      guard (300..<400).contains(response.status), let location = response.header("location") else {
        return .page(response, url: current)
      }
      guard let target = URLNormalizer.resolve(location, against: current) else {
        return .failed("redirect to an invalid URL '\(location)'")
      }
      state.redirects[current] = target
      if let scope {
        guard scope.contains(target), !frontier.hasSeen(target), robots.isAllowed(target, agent: options.robotsAgent)
        else { return .skipped }
        frontier.markSeen(target)
      }
      current = target
    }
    return .failed("more than \(options.maxRedirects) redirects")
  }

  private func fetch(_ url: String, pacer: inout Pacer, state: inout CrawlState, scope: SiteScope?) async -> FetchResult {
    var frontier = Frontier()
    return await fetch(url, pacer: &pacer, state: &state, scope: scope, frontier: &frontier)
  }

  /// robots.txt per RFC 9309: up to 5 redirects, 4xx allows all, 5xx or unreachable disallows all.
  private func fetchRobots(home: String, pacer: inout Pacer) async -> RobotsTxt {
    guard let robotsURL = URLNormalizer.resolve("/robots.txt", against: home) else { return .allowAll }
    var current = robotsURL
    for _ in 0...5 {
      await pacer.wait()
      guard let response = try? await client.fetch(HTTPRequest(url: current)) else {
        return RobotsTxt.forResponse(status: nil, body: [])
      }
      if (300..<400).contains(response.status), let location = response.header("location"),
        let target = URLNormalizer.resolve(location, against: current)
      {
        current = target
        continue
      }
      return RobotsTxt.forResponse(status: response.status, body: response.body)
    }
    return .allowAll
  }

  /// Whether the site is on HTTPS and plain HTTP redirects there (probing `http://` once when
  /// the crawl did not start from it).
  private func httpsFacts(start: String, home: String, pacer: inout Pacer, state: inout CrawlState) async -> HTTPSFacts {
    let served = home.hasPrefix("https://")
    guard served else { return HTTPSFacts(servedOverHTTPS: false, httpRedirectsToHTTPS: false) }
    if start.hasPrefix("http://") { return HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: true) }
    let plain = "http://" + home.dropFirst("https://".count)
    await pacer.wait()
    guard let response = try? await client.fetch(HTTPRequest(url: plain)) else {
      return HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: nil)
    }
    let location = response.header("location").flatMap { URLNormalizer.resolve($0, against: plain) }
    let redirects = (300..<400).contains(response.status) && (location?.hasPrefix("https://") ?? false)
    return HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: redirects)
  }

  // MARK: - Recording

  private func record(
    _ response: HTTPResponse, url: String, depth: Int, analyzer: PageAnalyzer, scope: SiteScope,
    frontier: inout Frontier, state: inout CrawlState
  ) {
    guard response.status < 400 else {
      state.pages.append(PageFacts(url: url, depth: depth, status: response.status))
      state.problems.append("\(url): answered \(response.status)")
      return
    }
    let contentType = response.header("content-type") ?? ""
    guard contentType.isEmpty || contentType.contains("html") else {
      state.problems.append("\(url): not HTML (\(contentType))")
      return
    }
    if response.bodyTruncated { state.problems.append("\(url): body truncated at the size limit") }
    var headers: [String: String] = [:]
    for header in response.headers { headers[header.name.lowercased()] = header.value }
    let facts = analyzer.analyze(
      PageInput(url: url, depth: depth, status: response.status, headers: headers, body: response.body))
    state.pages.append(facts)
    guard depth < options.maxDepth else { return }
    for link in facts.links {
      guard let target = URLNormalizer.normalize(link.url), scope.contains(target) else { continue }
      frontier.add(target, depth: depth + 1)
    }
  }
}

/// What a site crawl has gathered so far.
struct CrawlState {
  let site: Site
  var outcome: CrawlOutcome = .unreachable(reason: "not crawled")
  var finalURL: String?
  var https = HTTPSFacts()
  var pages: [PageFacts] = []
  var redirects: [String: String] = [:]
  var problems: [String] = []
  var fetched = 0
  var bytes = 0
  var robotsExcluded = 0

  init(site: Site) { self.site = site }

  var result: SiteCrawl {
    SiteCrawl(
      site: site, outcome: outcome, finalURL: finalURL, https: https, pages: pages,
      redirects: redirects, problems: problems, crawledOn: Day.today())
  }
}
