import ArgumentParser
import MuniscanAudit
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
  @OptionGroup var result: ResultArguments

  func validate() throws {
    guard let normalized = URLNormalizer.normalize(url), URLNormalizer.siteKey(normalized) != nil
    else {
      throw ValidationError("'\(url)' is not an http(s) URL")
    }
  }

  func run() async throws {
    let outputs = try await result.open()
    let site = Site(name: name ?? URLNormalizer.siteKey(url) ?? url, url: url)
    let ruleSet = try RulesLocator.load(scoring.rules)
    let words = try result.output.words(for: ruleSet)
    let audit = Audit(ruleSet: ruleSet, logger: crawl.logger)
    try await outputs.deliver(
      try await crawl.scan([site], with: audit, asOf: scoring.asOfDay), words: words)
  }
}
