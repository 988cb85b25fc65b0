import ArgumentParser
import MuniscanCore

/// `muniscan scan --sites FILE`: audit every site of a sites file and print the ranking.
struct ScanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan",
    abstract: "Audit every site of a CSV sites file (name,url) and print the ranking.")

  @Option(help: "CSV file with a header row naming 'name' and 'url'.")
  var sites: String

  @OptionGroup var crawl: CrawlArguments
  @OptionGroup var scoring: ScoringArguments
  @OptionGroup var output: OutputArguments
  @OptionGroup var store: StoreArguments
  @OptionGroup var failUnder: FailUnderArguments

  func run() async throws {
    let list = try SitesFile.load(path: sites)
    let ruleSet = try RulesLocator.load(scoring.rules)
    let pipeline = AuditPipeline(
      ruleSet: ruleSet, crawlOptions: crawl.crawlOptions,
      httpConfiguration: crawl.httpConfiguration,
      logger: crawl.logger, progress: crawl.progress(sites: list.count))
    let scorecard = try await pipeline.run(list, asOf: scoring.asOfDay)
    let stored = try await store.save(scorecard)
    Console.write(try output.render(stored))
    try failUnder.check(stored)
  }
}
