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

  @Flag(help: "Log progress to standard error.")
  var verbose = false

  func run() async throws {
    let reader = try ArchiveReader(directory: archive)
    let audit = Audit(
      ruleSet: try RulesLocator.load(scoring.rules), logger: .muniscan(verbose: verbose))
    let sites = reader.manifest.sites.count
    let unfinished = sites - reader.finished().count
    if unfinished > 0 {
      Console.note(
        "warning: \(unfinished) of \(sites) sites in \(archive) are not finished; "
          + "scoring what was archived (resume the crawl for complete results)\n")
    }
    let scored = await audit.score(reader, asOf: scoring.asOfDay)
    if scored.unreadableRecords > 0 {
      Console.note(
        "warning: \(scored.unreadableRecords) archived records in \(archive) could not be read "
          + "(listed above); their pages are missing from the scores\n")
    }
    try result.deliver(scored.scorecard)
  }
}
