import MuniscanCore
import MuniscanHTML
import MuniscanHTTP

/// The state of one site's crawl while it runs: frontier, robots rules, what was gathered.
///
/// A class, so that the site's task and the task group fetching its pages share one session
/// instead of each frame holding a copy of it (a thousand sites are crawled at once).
final class CrawlSession {
  let site: Site
  let options: CrawlOptions
  let source: ResponseSource
  let analyzers: AnalyzerPool
  var state: CrawlState
  var frontier = Frontier()
  /// Each origin's robots.txt, by its URL, read before anything else of the origin.
  var robotsByURL: [String: HostRobots] = [:]
  /// The URL of each origin's robots.txt, by the `scheme://authority` URLs of it start with.
  var robotsURLByOrigin: [Substring: String] = [:]
  var scope = SiteScope(siteKey: "", maxURLLength: 0)
  var queryVariants: QueryVariants
  /// Redirect hops waiting to be fetched; they go before new frontier URLs.
  private var hops: [Job] = []

  init(
    site: Site, options: CrawlOptions, source: ResponseSource, analyzers: AnalyzerPool,
    pages: PageKeeping
  ) {
    self.site = site
    self.options = options
    self.source = source
    self.analyzers = analyzers
    state = CrawlState(site: site, spool: SiteSpool(pages))
    queryVariants = QueryVariants(limit: options.filter.maxQueryVariants)
  }

  /// One request of the page crawl: a frontier URL, or a redirect hop on the way from one.
  struct Job: Sendable {
    var url: String
    var depth: Int
    /// The frontier URL the hops started from, named in problems.
    var origin: String
    /// Every URL of the redirect chain so far, `origin` first.
    var chain: [String]
  }

  func run() async {
    defer { forgetCrawlState() }
    guard let start = URLNormalizer.normalize(site.url) else {
      state.outcome = .unreachable(reason: "'\(site.url)' is not an http(s) URL")
      return
    }
    do {
      try analyzers.check()
    } catch {
      state.outcome = .unreachable(reason: "\(error)")
      return
    }
    guard let homeURL = await crawlHome(start) else { return }
    state.https = await httpsFacts(start: start, home: homeURL)
    // Sitemap pages count as one click deep: `--max-depth 0` means the home page alone.
    let readsSitemaps = options.readSitemaps && options.maxDepth > 0
    let sitemapPages = readsSitemaps ? await sitemapURLs(home: homeURL) : []
    // Pages only a sitemap knows (orphans) come after the home page's links, one click deep.
    for url in sitemapPages { enqueue(url, depth: 1) }
    await crawlFrontier()
    if options.headDocuments, !state.gaveUp { await headDocuments() }
  }

  /// Forgets what only the crawl needs once it ends (the URLs seen and left waiting, robots
  /// rules, query variants, redirect hops): the site then waits for its turn to be judged with
  /// what it gathered alone. A thousand sites crawled together end within a second and are
  /// judged a few at a time, and each kept its frontier until then (at the end of a 1,000 × 100
  /// dense `scan`, the frontiers were a quarter of the live heap).
  private func forgetCrawlState() {
    frontier = Frontier()
    robotsByURL = [:]
    robotsURLByOrigin = [:]
    queryVariants = QueryVariants(limit: queryVariants.limit)
    hops = []
  }

  /// Fetches and records the home page, which sets the site's scope; its final URL, or nil
  /// when the site ends there. Its facts go to the spool and its links to the frontier before
  /// the requests that follow (the HTTPS probe, the sitemaps), so a thousand sites starting
  /// together hold neither a thousand home pages' bodies nor their facts (about 25 KB each).
  private func crawlHome(_ start: String) async -> String? {
    guard let (homeURL, homePage) = await readHome(start) else { return nil }
    state.finalURL = homeURL
    scope = SiteScope(
      siteKey: URLNormalizer.siteKey(homeURL) ?? "", maxURLLength: options.maxURLLength)
    frontier.markSeen(homeURL)
    state.pagesRequested = 1
    state.outcome = .crawled
    record(homePage)
    return homeURL
  }

  /// Fetches the home page and reads it as it comes: its final URL and what it told, or nil when
  /// the site ends there (its outcome set).
  private func readHome(_ start: String) async -> (url: String, page: PageReading)? {
    // The home page may redirect anywhere (http → https, bare → www); its final host is the
    // site. Each host's robots.txt comes first, and may close the site.
    let home = await fetchFollowing(start, redirects: .anywhere, analysing: true)
    guard case .answer(let response, let homeURL, let page) = home else {
      switch home {
      case .failed(let reason):
        state.failures += 1
        state.outcome = .unreachable(reason: reason)
        await source.observer?.pagesFailed(1)
      case .refused(let refusal):
        state.outcome = refusal.siteOutcome
      case .answer, .skipped:
        break
      }
      return nil
    }
    guard (200..<400).contains(response.status) else {
      state.errorPages += 1
      state.outcome = .unreachable(reason: "home page \(homeURL) answered \(response.status)")
      await source.observer?.pagesFailed(1)
      return nil
    }
    return page.map { (homeURL, $0) }
  }

  /// Fetches the frontier breadth-first with up to `connectionsPerHost` requests in flight,
  /// each one's task started when the site's pacer lets it go; each page is analysed in the
  /// task that fetched it, so what waits for the session is its facts, not its body; the
  /// session takes them in one at a time.
  private func crawlFrontier() async {
    let (source, analyzers) = (source, analyzers)
    let window = min(2, max(1, options.connectionsPerHost))
    await withTaskGroup(of: Answer.self) { group in
      var inFlight = 0
      while true {
        while inFlight < window, let job = await nextJob() {
          await source.ready()
          group.addTask { await Answer(job: job, source: source, analyzers: analyzers) }
          inFlight += 1
        }
        guard inFlight > 0, let answer = await group.next() else { break }
        inFlight -= 1
        let errors = state.errors
        handle(answer)
        let failed = state.errors - errors
        if failed > 0 { await source.observer?.pagesFailed(failed) }
      }
    }
  }

  /// What one job's request brought back: where it redirects, or what its page told.
  struct Answer: Sendable {
    var job: Job
    /// Where the response redirects to, for the session to follow.
    var location: String?
    /// The response read as a page, when it is not a redirect.
    var page: PageReading?
    /// Bytes of the response's body.
    var bytes = 0
    var error: String?

    init(job: Job, source: ResponseSource, analyzers: AnalyzerPool) async {
      self.job = job
      do {
        // The page is analysed while its answer holds its place in the window (see
        // `ResponseSource`): bodies waiting for a processor hold back new requests.
        (bytes, location, page) = try await source.fetch(job.url, asPage: true) { response in
          Answer.read(response, job: job, source: source, analyzers: analyzers)
        }
        await page?.record(in: source)
      } catch {
        self.error = "\(error)"
      }
    }

    /// The body's size and where the response redirects, or the page it is. Kept out of line:
    /// inlined into the fetch's async functions, the analysis's locals would stay in the frames
    /// of every request waiting for its site's turn.
    @inline(never)
    private static func read(
      _ response: HTTPResponse, job: Job, source: ResponseSource, analyzers: AnalyzerPool
    ) -> (Int, String?, PageReading?) {
      if let location = response.redirectLocation { return (response.bodyLength, location, nil) }
      let page = PageReading(
        response, url: job.url, depth: job.depth, source: source, analyzers: analyzers)
      return (response.bodyLength, nil, page)
    }
  }

  /// The next request: a pending redirect hop that robots.txt allows, else the next allowed
  /// frontier URL while the page budget lasts and the site has not been given up.
  private func nextJob() async -> Job? {
    while !state.gaveUp, !hops.isEmpty {
      let hop = hops.removeFirst()
      if await robotsRefusal(for: hop.url) == nil { return hop }
      refundPage()
    }
    while !state.gaveUp, state.pagesRequested < options.maxPages,
      let (url, depth) = frontier.next()
    {
      if let refusal = await robotsRefusal(for: url) {
        state.robotsExcluded += 1
        state.noteSkipped(url, reason: refusal.description)
        continue
      }
      state.pagesRequested += 1
      return Job(url: url, depth: depth, origin: url, chain: [url])
    }
    return nil
  }

  /// Gives a page's place in the budget back when its URL led to no new page (a redirect to a
  /// page crawled already, off the site, or somewhere robots.txt keeps the crawler from).
  private func refundPage() {
    guard state.refundedPages < options.maxPages else { return }
    state.pagesRequested -= 1
    state.refundedPages += 1
  }

  private func handle(_ answer: Answer) {
    state.requests += 1
    let job = answer.job
    state.bytes += answer.bytes
    if let page = answer.page {
      record(page)
      if page.status >= 500 || page.status == 429 {
        state.noteFailure(limit: options.maxConsecutiveFailures)
      } else {
        state.consecutiveFailures = 0
      }
      return
    }
    guard let location = answer.location else {
      state.failures += 1
      state.problems.append("\(job.origin): \(answer.error ?? "no answer")")
      state.noteFailure(limit: options.maxConsecutiveFailures)
      return
    }
    switch redirectTarget(of: job.url, location: location, chain: job.chain, policy: .pages) {
    case .follow(let target):
      hops.append(
        Job(url: target, depth: job.depth, origin: job.origin, chain: job.chain + [target]))
    case .stop(let problem):
      if let problem {
        state.problems.append("\(job.origin): \(problem)")
      } else {
        refundPage()
      }
    }
  }

  /// Puts a URL found on the site into the frontier, unless it is off the site, a document,
  /// seen already, unwanted by the run's patterns, or looks like a trap.
  func enqueue(_ url: String, depth: Int) {
    guard !frontier.hasSeen(url) else { return }
    guard scope.contains(url) else {
      if scope.isOnSite(url), url.utf8.count > options.maxURLLength {
        frontier.markSeen(url)
        state.noteSkipped(url, reason: "longer than \(options.maxURLLength) characters")
      }
      return
    }
    guard options.filter.isWanted(url) else {
      frontier.markSeen(url)
      return
    }
    if options.filter.repeatsSegments(url) {
      frontier.markSeen(url)
      state.noteSkipped(url, reason: "a path segment repeated")
    } else if !queryVariants.admit(url) {
      frontier.markSeen(url)
      state.noteSkipped(
        url, reason: "more than \(options.filter.maxQueryVariants) query variants of one path")
    } else {
      frontier.add(url, depth: depth)
    }
  }

  /// Keeps what a page told: its facts, an error answer, or why it was not read; follows its
  /// links from its facts.
  func record(_ page: PageReading) {
    switch page.outcome {
    case .error:
      state.errorPages += 1
      state.spool.append(PageFacts(url: page.url, depth: page.depth, status: page.status))
      state.problems.append("\(page.url): answered \(page.status)")
    case .notHTML(let contentType):
      state.problems.append("\(page.url): not HTML (\(contentType))")
    case .read(let facts, let truncated, let preread):
      if truncated { state.problems.append("\(page.url): body truncated at the size limit") }
      guard let facts else { return }
      state.spool.append(facts, preread: preread)
      noteDocuments(facts.documents)
      guard page.depth < options.maxDepth else { return }
      // Documents are recorded from their links, not downloaded (Liferay and Drupal file URLs
      // have no extension, so the analyser's classification decides).
      let documents = Set(facts.documents.map(\.url))
      for link in facts.links where !documents.contains(link.url) {
        guard let target = URLNormalizer.normalize(link.url) else { continue }
        enqueue(target, depth: page.depth + 1)
      }
    }
  }
}
