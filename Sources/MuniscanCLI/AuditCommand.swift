import ArgumentParser
import MuniscanCore

/// `muniscan audit URL`: crawl one site, judge it, print its scorecard.
struct AuditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Crawl one municipality site and print its scorecard.")

  @Argument(help: "Home page of the site, e.g. https://www.elva.ee/")
  var url: String

  @Option(help: "Name shown in the report (default: the host name).")
  var name: String?

  @OptionGroup var crawl: CrawlArguments
  @OptionGroup var scoring: ScoringArguments
  @OptionGroup var output: OutputArguments
  @OptionGroup var store: StoreArguments
  @OptionGroup var failUnder: FailUnderArguments

  func validate() throws {
    guard let normalized = URLNormalizer.normalize(url), URLNormalizer.siteKey(normalized) != nil
    else {
      throw ValidationError("'\(url)' is not an http(s) URL")
    }
  }

  func run() async throws {
    let ruleSet = try RulesLocator.load(scoring.rules)
    let site = Site(name: name ?? URLNormalizer.siteKey(url) ?? url, url: url)
    let pipeline = AuditPipeline(
      ruleSet: ruleSet, crawlOptions: crawl.crawlOptions,
      httpConfiguration: crawl.httpConfiguration,
      logger: crawl.logger, progress: crawl.progress(sites: 1))
    let scorecard = try await pipeline.run([site], asOf: scoring.asOfDay)
    let stored = try await store.save(scorecard)
    Console.write(try output.render(stored))
    try failUnder.check(stored)
  }
}
