import ArgumentParser
import MuniscanAudit
import MuniscanCore

/// `muniscan audit URL`: crawl one site, judge it, print its scorecard; exit status 4 when the
/// site could not be audited (unreachable, closed by robots.txt), as curl and wget fail.
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
    // A site that could not be audited is no result to pass on as one: exit status 4.
    try await outputs.deliver(
      try await crawl.scan([site], with: audit, asOf: scoring.asOfDay), words: words,
      requireAudited: true)
  }
}
