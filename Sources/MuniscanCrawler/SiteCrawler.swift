import Foundation
import Logging
import MuniscanCore
import MuniscanHTML
import MuniscanHTTP

/// Crawls one site breadth-first from its home page and its sitemaps, politely (robots.txt, one
/// or two requests in flight with a delay between starts, retries with backoff), and gathers
/// PageFacts. It collects; it never judges. Every site it crawls shares its window of answers
/// (see ``ResponseSource``).
public struct SiteCrawler: Sendable {
  let client: any HTTPFetching
  let options: CrawlOptions
  let logger: Logger
  let recorder: (any CrawlRecorder)?
  let observer: (any CrawlObserver)?
  let analyzers: AnalyzerPool
  let window: AsyncGate
  /// What a site's result carries of its pages, and where they wait until it is read.
  let pages: PageKeeping

  /// Answers held at once by default, fetched or being fetched and not yet used, over all the
  /// sites crawled together: a few megabytes of pages, and enough requests in flight to keep
  /// the processors busy when every answer takes half a second to come.
  public static var defaultWindow: Int { 64 * ProcessInfo.processInfo.activeProcessorCount }

  /// What the judge of a crawl reads in a page's facts ahead, as bytes a site's result hands
  /// back with its pages (``SiteCrawl/prereads``): run in the task that analysed the page,
  /// while the site is crawled.
  public typealias Preread = @Sendable (PageFacts) -> [UInt8]

  /// A crawler whose pages are analysed with `queries` and `locale` (the rule set's; a crawl
  /// that judges nothing needs neither) and read ahead by `preread`, holding at most `window`
  /// answers at once and keeping a site's pages as `pages` says.
  public init(
    client: any HTTPFetching, options: CrawlOptions, queries: [PageQuery] = [],
    locale: PageLocale = .none, logger: Logger, recorder: (any CrawlRecorder)? = nil,
    observer: (any CrawlObserver)? = nil, window: Int = SiteCrawler.defaultWindow,
    pages: PageKeeping = .factsOnDisk, preread: Preread? = nil
  ) {
    self.pages = pages
    self.client = client
    self.options = options
    self.logger = logger
    self.recorder = recorder
    self.observer = observer
    analyzers = AnalyzerPool(queries: queries, locale: locale, preread: preread)
    self.window = AsyncGate(permits: window)
  }

  /// Crawls `site`; answers in `replay` (from an interrupted earlier run) are used instead of
  /// fetching those URLs again.
  public func crawl(_ site: Site, replay: Replay = Replay()) async -> SiteCrawl {
    await finish(await gather(site, replay: replay))
  }

  /// Crawls `site`, keeping its pages on disk: the session that crawled it, which the site's
  /// task holds as one reference until the site is finished.
  func gather(_ site: Site, replay: Replay = Replay()) async -> CrawlSession {
    await observer?.siteStarted(site)
    let source = ResponseSource(
      client: client, replay: replay, recorder: recorder, observer: observer, site: site,
      options: options, window: window)
    let session = CrawlSession(
      site: site, options: options, source: source, analyzers: analyzers,
      pages: pages)
    await session.run()
    return session
  }

  /// Reads the pages back and reports the crawl as finished.
  func finish(_ session: CrawlSession) async -> SiteCrawl {
    let result = session.state.result()
    // An interrupted crawl is not finished: its recorder must let a later run continue it.
    guard !Task.isCancelled else { return result }
    await observer?.siteFinished(result)
    logger.info(
      "crawled \(session.site.url): \(result.pages.count) pages, \(result.problems.count) problems"
    )
    do {
      try await recorder?.finish(result)
    } catch {
      logger.error("\(session.site.url): could not record the crawl: \(error)")
    }
    return result
  }
}
