import ArgumentParser
import Logging
import MuniscanCore
import MuniscanCrawler
import MuniscanHTTP

/// `muniscan score DIR`: judge an archived crawl with a rule set, without the network, as of the
/// crawl date (or `--as-of`), so rules can change without crawling again.
struct ScoreCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score a crawl archive written by 'muniscan crawl', without the network.")

  @Argument(help: "Archive folder written by 'muniscan crawl'.")
  var archive: String

  @OptionGroup var scoring: ScoringArguments
  @OptionGroup var output: OutputArguments
  @OptionGroup var store: StoreArguments
  @OptionGroup var failUnder: FailUnderArguments

  @Flag(help: "Log progress to standard error.")
  var verbose = false

  func run() async throws {
    let reader = try ArchiveReader(directory: archive)
    let ruleSet = try RulesLocator.load(scoring.rules)
    let sites = reader.manifest.sites.map(\.site)
    let unfinished = sites.count - reader.finished().count
    if unfinished > 0 {
      Console.note(
        "warning: \(unfinished) of \(sites.count) sites in \(archive) are not finished; "
          + "scoring what was archived (resume the crawl for complete results)\n")
    }
    let logger = Logger.muniscan(verbose: verbose)
    // The crawl is repeated from the archive: same options, nothing to wait for.
    var options = reader.manifest.options
    options.delay = 0
    options.maxCrawlDelay = 0
    let pipeline = AuditPipeline(
      ruleSet: ruleSet, crawlOptions: options, httpConfiguration: HTTPClientConfiguration(),
      logger: logger)
    let scorecard = await pipeline.run(
      sites, client: ArchiveOnlyClient(), asOf: scoring.asOfDay ?? reader.manifest.crawlDate
    ) { [logger] site in
      let (replay, unreadable) = reader.replay(for: site)
      for problem in unreadable { logger.warning("\(problem)") }
      return replay
    }
    let stored = try await store.save(scorecard)
    Console.write(try output.render(stored))
    try failUnder.check(stored)
  }
}
