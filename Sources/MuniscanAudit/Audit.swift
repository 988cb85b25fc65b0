import Foundation
import Logging
import MuniscanArchive
import MuniscanCore
import MuniscanCrawler
import MuniscanHTML
import MuniscanHTTP
import MuniscanRules

/// The audit as a library, in one direction: sites → crawl (or an archive's replay) → evaluation
/// → scorecard. `muniscan audit`, `scan`, `score` and `run` are its callers, and so is anything
/// that spreads an audit over machines; the command line only parses arguments and presents.
/// Each site is judged as soon as its crawl ends, so its page facts can be dropped at once.
public struct Audit: Sendable {
  /// The rule set compiled for judging, once: an audit judges any number of crawls with it.
  public let evaluator: Evaluator
  public var logger: Logger

  public var ruleSet: RuleSet { evaluator.ruleSet }

  public init(ruleSet: RuleSet, logger: Logger) {
    self.init(evaluator: Evaluator(ruleSet: ruleSet), logger: logger)
  }

  /// An audit with a rule set compiled already (a worker's, kept for all its tasks).
  public init(evaluator: Evaluator, logger: Logger) {
    self.evaluator = evaluator
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
      sites, crawl: options, client: client, asOf: asOf ?? Day.today(), observer: observer,
      pages: .factsOnDisk, readAhead: true)
  }

  /// Judges archived crawls without the network, as one crawl of all their sites: the crawl is
  /// repeated from the archives with their options (the first's; ``ArchiveSet`` checks that
  /// several agree) and nothing to wait for, as of `asOf` or the earliest crawl date. A site an
  /// archive cannot give whole (an unreadable record or index line, a missing index, no
  /// finished crawl) is marked `incomplete` rather than scored as if its pages were missing,
  /// and every part that could not be read is listed. Each record is read once: when the
  /// repeated crawl asks for it, or after the site's crawl for those it never asked for. A page
  /// whose facts the crawl kept, read with this rule set's locale and queries, is not parsed
  /// again: its stored facts are judged.
  public func score(_ archives: [ArchiveReader], asOf: Day?) async -> ArchiveScore {
    var options = archives.first?.manifest.options ?? CrawlOptions()
    options.delay = 0
    options.maxCrawlDelay = 0
    // Nothing is waited for: more sites at once than processors would only hold more of them.
    options.concurrentSites = ProcessInfo.processInfo.activeProcessorCount
    var archiveOf: [Site: ArchiveReader] = [:]
    var lines: [String: FinishedSite] = [:]
    var journalDamage: [ArchiveDamage] = []
    for archive in archives {
      for archived in archive.manifest.sites { archiveOf[archived.site] = archive }
      let (finished, damage) = archive.finishedSites()
      for line in finished { lines[line.url] = line }
      journalDamage += damage.map { $0.within(archive.layout.directory) }
    }
    let sites = archives.flatMap { $0.manifest.sites.map(\.site) }
    let damage = DamageCollector()
    let fingerprint = FactsFingerprint.of(
      queries: ruleSet.queries.map(\.query), locale: ruleSet.locale)
    let scorecard = await judge(
      sites, crawl: options, client: ArchiveOnlyClient(),
      asOf: asOf ?? archives.map(\.manifest.crawlDate).min() ?? Day.today(), observer: nil,
      // As many sites at once as processors: their pages need not wait on disk.
      pages: .factsInMemory,
      replay: { [archiveOf, lines] site in
        guard let archive = archiveOf[site] else { return Replay() }
        let replaying = archive.replaying(
          site, finished: lines[site.url], factsFingerprint: fingerprint)
        await damage.open(replaying, of: site)
        return replaying.replay
      },
      mark: { [lines] crawl in
        await damage.close(crawl.site)
        var crawl = crawl
        if let reason = await damage.incompleteness(
          of: crawl.site, finished: lines[crawl.site.url] != nil)
        {
          crawl.outcome = .incomplete(reason: reason)
        }
        return crawl
      })
    let siteDamage = await damage.all(in: sites).map { site, problem in
      archiveOf[site].map { problem.within($0.layout.directory) } ?? problem
    }
    return ArchiveScore(
      scorecard: scorecard, damage: journalDamage + siteDamage,
      pagesFromStoredFacts: await damage.pagesFromStoredFacts)
  }

  /// Crawls the pending sites of `archived` into it through `client` and judges each as its
  /// crawl ends, as `scan` does: every page is read once, where a `crawl` followed by a `score`
  /// of the archive reads it twice; like `scan`, it reads each page's phrases for the rules as
  /// the page arrives. Returns every finished site, earlier runs' included, and the scorecard
  /// of the sites crawled now (a site an earlier run finished is judged by `score`).
  public func crawl(into archived: ArchivedCrawl, client: any HTTPFetching, asOf: Day)
    async throws -> (finished: [FinishedSite], scorecard: Scorecard)
  {
    let evaluator = self.evaluator
    let results = ResultCollector()
    let finished = try await archived.run(
      client: client, logger: logger, queries: ruleSet.queries.map(\.query),
      locale: ruleSet.locale, preread: { evaluator.preread($0) }
    ) { crawl in
      await results.add(evaluator.evaluate(crawl, asOf: asOf))
    }
    let scorecard = ScorecardBuilder.build(
      ruleSet: ruleSet, asOf: asOf, results: await results.all)
    return (finished, scorecard)
  }

  /// The one path every audit takes: crawl each site through `client` (answers from `replay`
  /// first), judge it as its crawl ends, rank them all. With `readAhead` (a live crawl, whose
  /// processors wait on politeness) each page's phrases are read for the rules as it arrives
  /// (``Evaluator/preread(_:)``), so less is left to judge when the last site ends.
  private func judge(
    _ sites: [Site], crawl options: CrawlOptions, client: any HTTPFetching, asOf: Day,
    observer: (any CrawlObserver)?, pages: PageKeeping, readAhead: Bool = false,
    replay: @escaping @Sendable (Site) async -> Replay = { _ in Replay() },
    mark: @escaping @Sendable (SiteCrawl) async -> SiteCrawl = { $0 }
  ) async -> Scorecard {
    let evaluator = self.evaluator
    let preread: SiteCrawler.Preread = { evaluator.preread($0) }
    let crawler = SiteCrawler(
      client: client, options: options, queries: ruleSet.queries.map(\.query),
      locale: ruleSet.locale, logger: logger,
      observer: observer, pages: pages, preread: readAhead ? preread : nil)
    let results = ResultCollector()
    await NationCrawler(crawler: crawler).crawl(sites, replay: replay) { crawl in
      await results.add(evaluator.evaluate(await mark(crawl), asOf: asOf))
    }
    return ScorecardBuilder.build(ruleSet: ruleSet, asOf: asOf, results: await results.all)
  }
}

/// Gathers site results from concurrent crawls.
private actor ResultCollector {
  private(set) var all: [SiteResult] = []

  func add(_ result: SiteResult) { all.append(result) }
}
