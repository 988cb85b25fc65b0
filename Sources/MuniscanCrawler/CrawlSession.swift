import MuniscanCore
import MuniscanHTML
import MuniscanHTTP

/// The state of one site's crawl while it runs: frontier, robots rules, what was gathered.
struct CrawlSession {
  let site: Site
  let options: CrawlOptions
  var source: ResponseSource
  var state: CrawlState
  var frontier = Frontier()
  var robots = RobotsTxt.allowAll
  var scope = SiteScope(siteKey: "", maxURLLength: 0)

  init(site: Site, options: CrawlOptions, source: ResponseSource) {
    self.site = site
    self.options = options
    self.source = source
    state = CrawlState(site: site)
  }

  var result: SiteCrawl { state.result }

  enum FetchResult {
    case page(HTTPResponse, url: String)
    case failed(String)
    /// A redirect led out of scope, to a disallowed URL, or to one already seen.
    case skipped
  }

  mutating func run(queries: [PageQuery]) async {
    guard let start = URLNormalizer.normalize(site.url) else {
      state.outcome = .unreachable(reason: "'\(site.url)' is not an http(s) URL")
      return
    }
    let analyzer: PageAnalyzer
    do {
      analyzer = try PageAnalyzer(queries: queries)
    } catch {
      state.outcome = .unreachable(reason: "\(error)")
      return
    }
    // The home page may redirect anywhere (http → https, bare → www); its final host is the site.
    let home = await fetch(start, scoped: false)
    guard case .page(let response, let homeURL) = home else {
      if case .failed(let reason) = home { state.outcome = .unreachable(reason: reason) }
      return
    }
    guard (200..<400).contains(response.status) else {
      state.outcome = .unreachable(reason: "home page \(homeURL) answered \(response.status)")
      return
    }
    state.finalURL = homeURL
    scope = SiteScope(siteKey: URLNormalizer.siteKey(homeURL) ?? "", maxURLLength: options.maxURLLength)
    state.https = await httpsFacts(start: start, home: homeURL)
    if options.obeyRobots {
      robots = await fetchRobots(home: homeURL)
      if let delay = robots.crawlDelay(agent: options.robotsAgent) {
        source.slowDown(to: min(delay, options.maxCrawlDelay))
      }
    }

    frontier.add(homeURL, depth: 0)
    _ = frontier.next()
    record(response, url: homeURL, depth: 0, analyzer: analyzer)
    while state.fetched < options.maxPages, let (url, depth) = frontier.next() {
      guard robots.isAllowed(url, agent: options.robotsAgent) else {
        state.robotsExcluded += 1
        state.problems.append("\(url): disallowed by robots.txt")
        continue
      }
      switch await fetch(url, scoped: true) {
      case .page(let response, let finalURL):
        record(response, url: finalURL, depth: depth, analyzer: analyzer)
      case .failed(let reason):
        state.failures += 1
        state.problems.append("\(url): \(reason)")
      case .skipped:
        break
      }
    }
    state.outcome = .crawled
  }

  /// Fetches `url`, following redirects (recorded) up to the limit; when scoped, each hop must
  /// stay on the site, be allowed and be new.
  private mutating func fetch(_ url: String, scoped: Bool) async -> FetchResult {
    var current = url
    for _ in 0...options.maxRedirects {
      state.fetched += 1
      let response: HTTPResponse
      do {
        response = try await source.fetch(current)
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
      if scoped {
        guard scope.contains(target), !frontier.hasSeen(target),
          robots.isAllowed(target, agent: options.robotsAgent)
        else { return .skipped }
        frontier.markSeen(target)
      }
      current = target
    }
    return .failed("more than \(options.maxRedirects) redirects")
  }

  /// robots.txt per RFC 9309: up to 5 redirects, 4xx allows all, 5xx or unreachable disallows all.
  private mutating func fetchRobots(home: String) async -> RobotsTxt {
    guard var current = URLNormalizer.resolve("/robots.txt", against: home) else { return .allowAll }
    for _ in 0...5 {
      guard let response = try? await source.fetch(current) else {
        return RobotsTxt.forResponse(status: nil, body: [])
      }
      guard (300..<400).contains(response.status), let location = response.header("location"),
        let target = URLNormalizer.resolve(location, against: current)
      else { return RobotsTxt.forResponse(status: response.status, body: response.body) }
      current = target
    }
    return .allowAll
  }

  /// Whether the site is on HTTPS and plain HTTP redirects there (probing `http://` once when
  /// the crawl did not start from it).
  private mutating func httpsFacts(start: String, home: String) async -> HTTPSFacts {
    guard home.hasPrefix("https://") else { return HTTPSFacts(servedOverHTTPS: false, httpRedirectsToHTTPS: false) }
    if start.hasPrefix("http://") { return HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: true) }
    let plain = "http://" + home.dropFirst("https://".count)
    guard let response = try? await source.fetch(plain) else {
      return HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: nil)
    }
    let location = response.header("location").flatMap { URLNormalizer.resolve($0, against: plain) }
    let redirects = (300..<400).contains(response.status) && (location?.hasPrefix("https://") ?? false)
    return HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: redirects)
  }

  private mutating func record(_ response: HTTPResponse, url: String, depth: Int, analyzer: PageAnalyzer) {
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
    // Documents are recorded from their links, not downloaded (Liferay and Drupal file URLs
    // have no extension, so the analyser's classification decides).
    let documents = Set(facts.documents.map(\.url))
    for link in facts.links where !documents.contains(link.url) {
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
  /// Fetches that failed without an answer (DNS, connect, timeout).
  var failures = 0

  init(site: Site) { self.site = site }

  var result: SiteCrawl {
    SiteCrawl(
      site: site, outcome: outcome, finalURL: finalURL, https: https, pages: pages,
      redirects: redirects, problems: problems, crawledOn: Day.today(),
      stats: CrawlStats(
        requests: fetched, errors: pages.filter { $0.status >= 400 }.count + failures,
        robotsExcluded: robotsExcluded, bytes: bytes))
  }
}
