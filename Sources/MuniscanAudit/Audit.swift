import Logging
import MuniscanArchive
import MuniscanCore
import MuniscanCrawler
import MuniscanHTTP
import MuniscanRules

/// The audit as a library, in one direction: sites → crawl (or an archive's replay) → evaluation
/// → scorecard. `muniscan audit`, `scan`, `score` and `run` are its callers, and so is anything
/// that spreads an audit over machines; the command line only parses arguments and presents.
/// Each site is judged as soon as its crawl ends, so its page facts can be dropped at once.
public struct Audit: Sendable {
  public var ruleSet: RuleSet
  public var logger: Logger

  public init(ruleSet: RuleSet, logger: Logger) {
    self.ruleSet = ruleSet
    self.logger = logger
  }

  /// Crawls the sites and judges them; freshness is judged against `asOf`, or the crawl date
  /// when nil. `observer` is told how the crawl goes.
  public func scan(
    _ sites: [Site], crawl options: CrawlOptions, http: HTTPClientConfiguration, asOf: Day?,
    observer: (any CrawlObserver)? = nil
  ) async throws -> Scorecard {
    let client = try HTTPClient(configuration: http)
    defer { client.shutdown() }
    return await judge(
      sites, crawl: options, client: client, asOf: asOf ?? Day.today(), observer: observer)
  }

  /// Judges archived crawls without the network, as one crawl of all their sites: the crawl is
  /// repeated from the archives with their options (the first's; ``ArchiveSet`` checks that
  /// several agree) and nothing to wait for, as of `asOf` or the earliest crawl date. Records
  /// that cannot be read are logged as warnings and counted.
  public func score(_ archives: [ArchiveReader], asOf: Day?) async -> ArchiveScore {
    var options = archives.first?.manifest.options ?? CrawlOptions()
    options.delay = 0
    options.maxCrawlDelay = 0
    var archiveOf: [Site: ArchiveReader] = [:]
    for archive in archives {
      for archived in archive.manifest.sites { archiveOf[archived.site] = archive }
    }
    let unreadable = UnreadableRecords()
    let logger = logger
    let scorecard = await judge(
      archives.flatMap { $0.manifest.sites.map(\.site) }, crawl: options,
      client: ArchiveOnlyClient(),
      asOf: asOf ?? archives.map(\.manifest.crawlDate).min() ?? Day.today(), observer: nil
    ) { [archiveOf] site in
      guard let archive = archiveOf[site] else { return Replay() }
      let (replay, problems) = archive.replay(for: site)
      for problem in problems { logger.warning("\(problem)") }
      await unreadable.add(problems.count)
      return replay
    }
    return ArchiveScore(scorecard: scorecard, unreadableRecords: await unreadable.count)
  }

  /// The one path every audit takes: crawl each site through `client` (answers from `replay`
  /// first), judge it as its crawl ends, rank them all.
  private func judge(
    _ sites: [Site], crawl options: CrawlOptions, client: any HTTPFetching, asOf: Day,
    observer: (any CrawlObserver)?,
    replay: @escaping @Sendable (Site) async -> Replay = { _ in Replay() }
  ) async -> Scorecard {
    let evaluator = Evaluator(ruleSet: ruleSet)
    let crawler = SiteCrawler(
      client: client, options: options, queries: ruleSet.queries.map(\.query), logger: logger,
      observer: observer)
    let results = ResultCollector()
    await NationCrawler(crawler: crawler).crawl(sites, replay: replay) { crawl in
      await results.add(evaluator.evaluate(crawl, asOf: asOf))
    }
    return ScorecardBuilder.build(ruleSet: ruleSet, asOf: asOf, results: await results.all)
  }
}

/// Archives judged by ``Audit/score(_:asOf:)``, with how much of them could not be read.
public struct ArchiveScore: Sendable {
  public var scorecard: Scorecard
  /// Archived records that could not be read.
  public var unreadableRecords: Int
}

/// Gathers site results from concurrent crawls.
private actor ResultCollector {
  private(set) var all: [SiteResult] = []

  func add(_ result: SiteResult) { all.append(result) }
}

/// Counts unreadable archive records across concurrent replays.
private actor UnreadableRecords {
  private(set) var count = 0

  func add(_ problems: Int) { count += problems }
}
