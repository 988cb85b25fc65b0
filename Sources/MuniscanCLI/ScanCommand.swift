import ArgumentParser
import MuniscanAudit

/// `muniscan scan --sites FILE`: audit every site of a sites file and print the ranking.
struct ScanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan",
    abstract: "Audit every site of a CSV sites file (name,url) and print the ranking.")

  @Option(help: "CSV file with a header row naming 'name' and 'url'.")
  var sites: String

  @OptionGroup var crawl: CrawlArguments
  @OptionGroup var scoring: ScoringArguments
  @OptionGroup var result: ResultArguments
  @OptionGroup var sharding: ShardArguments

  func validate() throws { try sharding.checkNotStoring(result.store) }

  func run() async throws {
    let outputs = try await result.open()
    let all = try SitesFile.load(path: sites)
    let chosen = try sharding.chosen()
    let list = chosen?.shard.sites(of: all) ?? all
    if let chosen { ShardArguments.note(chosen, sites: list.count, of: all.count, file: sites) }
    let ruleSet = try RulesLocator.load(scoring.rules)
    let words = try result.output.words(for: ruleSet)
    let audit = Audit(ruleSet: ruleSet, logger: crawl.logger)
    try await outputs.deliver(
      try await crawl.scan(list, with: audit, asOf: scoring.asOfDay), words: words,
      shard: chosen?.shard)
  }
}
