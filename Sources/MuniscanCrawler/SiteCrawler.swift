import Foundation
import Logging
import MuniscanCore
import MuniscanHTML
import MuniscanHTTP

/// Crawls one site breadth-first from its home page, politely (robots.txt, one request at a
/// time with a delay between starts), and gathers PageFacts. It collects; it never judges.
public struct SiteCrawler: Sendable {
  let client: any HTTPFetching
  let options: CrawlOptions
  let queries: [PageQuery]
  let logger: Logger
  let recorder: (any CrawlRecorder)?

  public init(
    client: any HTTPFetching, options: CrawlOptions, queries: [PageQuery] = [], logger: Logger,
    recorder: (any CrawlRecorder)? = nil
  ) {
    self.client = client
    self.options = options
    self.queries = queries
    self.logger = logger
    self.recorder = recorder
  }

  /// Crawls `site`; answers in `replay` (from an interrupted earlier run) are used instead of
  /// fetching those URLs again.
  public func crawl(_ site: Site, replay: Replay = Replay()) async -> SiteCrawl {
    let source = ResponseSource(
      client: client, replay: replay, recorder: recorder, site: site, delay: options.delay)
    var session = CrawlSession(site: site, options: options, source: source)
    await session.run(queries: queries)
    let result = session.result
    // An interrupted crawl is not finished: its recorder must let a later run continue it.
    guard !Task.isCancelled else { return result }
    logger.info(
      "crawled \(site.url): \(result.pages.count) pages, \(result.problems.count) problems")
    do {
      try await recorder?.finish(result)
    } catch {
      logger.error("\(site.url): could not record the crawl: \(error)")
    }
    return result
  }
}
