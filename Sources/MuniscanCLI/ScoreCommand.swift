import ArgumentParser
import MuniscanArchive
import MuniscanAudit

/// `muniscan score DIR`: judge an archived crawl with a rule set, without the network, as of the
/// crawl date (or `--as-of`), so rules can change without crawling again.
struct ScoreCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score a crawl archive written by 'muniscan crawl', without the network.")

  @Argument(
    help:
      "Archive folder written by 'muniscan crawl' (with --shard: the folder of all shards' archives)."
  )
  var archive: String

  @OptionGroup var scoring: ScoringArguments
  @OptionGroup var result: ResultArguments
  @OptionGroup var sharding: ShardArguments
  @OptionGroup var incomplete: IncompleteArchiveArguments

  @Flag(help: "Log progress to standard error.")
  var verbose = false

  func validate() throws { try sharding.checkNotStoring(result.store) }

  func run() async throws {
    let outputs = try await result.open()
    let shard = try sharding.chosen()?.shard
    let reader = try ArchiveReader(directory: shard?.folder(in: archive) ?? archive)
    let ruleSet = try RulesLocator.load(scoring.rules)
    let words = try result.output.words(for: ruleSet)
    let audit = Audit(ruleSet: ruleSet, logger: .muniscan(verbose: verbose))
    try await ArchiveScoring.score(
      [reader], with: audit, asOf: scoring.asOfDay, incomplete: incomplete, outputs: outputs,
      words: words, shard: shard)
  }
}
