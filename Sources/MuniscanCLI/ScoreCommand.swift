import ArgumentParser
import Logging
import MuniscanArchive
import MuniscanAudit

/// `muniscan score DIR`: judge an archived crawl with a rule set, without the network, as of the
/// crawl date (or `--as-of`), so rules can change without crawling again.
struct ScoreCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score a crawl archive written by 'muniscan crawl', without the network.")

  @Argument(help: "Archive folder written by 'muniscan crawl'.")
  var archive: String

  @OptionGroup var scoring: ScoringArguments
  @OptionGroup var result: ResultArguments
  @OptionGroup var incomplete: IncompleteArchiveArguments

  @Flag(help: "Log progress to standard error.")
  var verbose = false

  func run() async throws {
    let reader = try ArchiveReader(directory: archive)
    let audit = Audit(
      ruleSet: try RulesLocator.load(scoring.rules), logger: .muniscan(verbose: verbose))
    let scored = await audit.score(reader, asOf: scoring.asOfDay)
    let rejected = incomplete.report(scored, directory: reader.layout.directory)
    do {
      try result.deliver(scored.scorecard)
    } catch let status as ExitCode where rejected && status == FailUnderArguments.exitCode {
      // An incomplete archive's status comes first: the report is out, the sites below named.
    }
    if rejected { throw IncompleteArchiveArguments.exitCode }
  }
}
