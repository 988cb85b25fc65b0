import Logging
import MuniscanCore
import MuniscanCrawler
import MuniscanEvaluation
import MuniscanHTTP
import MuniscanRules

/// Crawl, then judge, then rank: the whole audit for a list of sites in one call. Each site is
/// judged as soon as its crawl ends, so its page facts can be dropped at once.
public struct AuditPipeline: Sendable {
  public var ruleSet: RuleSet
  public var crawlOptions: CrawlOptions
  public var httpConfiguration: HTTPClientConfiguration
  public var logger: Logger
  /// Shown while the sites are crawled, when set.
  public var progress: CrawlProgress?

  public init(
    ruleSet: RuleSet, crawlOptions: CrawlOptions, httpConfiguration: HTTPClientConfiguration,
    logger: Logger, progress: CrawlProgress? = nil
  ) {
    self.ruleSet = ruleSet
    self.crawlOptions = crawlOptions
    self.httpConfiguration = httpConfiguration
    self.logger = logger
    self.progress = progress
  }

  /// Audits the sites; freshness is judged against `asOf`, or the crawl date when nil.
  public func run(_ sites: [Site], asOf: Day?) async throws -> Scorecard {
    let client = try HTTPClient(configuration: httpConfiguration)
    defer { client.shutdown() }
    return await run(sites, client: client, asOf: asOf ?? Day.today())
  }

  /// Audits the sites with answers from `replay` (an archive's) and, for anything else, from
  /// `client`; freshness is judged against `asOf`.
  public func run(
    _ sites: [Site], client: any HTTPFetching, asOf: Day,
    replay: @escaping @Sendable (Site) async -> Replay = { _ in Replay() }
  ) async -> Scorecard {
    let evaluator = Evaluator(ruleSet: ruleSet)
    let crawler = SiteCrawler(
      client: client, options: crawlOptions, queries: ruleSet.queries, logger: logger,
      progress: progress)
    let results = ResultCollector()
    await progress?.start()
    await NationCrawler(crawler: crawler).crawl(sites, replay: replay) { crawl in
      await results.add(evaluator.evaluate(crawl, asOf: asOf))
    }
    await progress?.finish()
    return ScorecardBuilder.build(ruleSet: ruleSet, asOf: asOf, results: await results.all)
  }
}

/// Gathers site results from concurrent crawls.
actor ResultCollector {
  private(set) var all: [SiteResult] = []

  func add(_ result: SiteResult) { all.append(result) }
}
