import ArgumentParser
import MuniscanAudit

/// `muniscan merge ARCHIVE…`: one ranking of several crawl archives — the shards of a job array
/// — judged as one crawl, without the network: the same scorecard a single machine's crawl of
/// the same sites gives. A command of its own rather than `score` with several archives, because
/// it promises more: it refuses archives crawled differently or holding a site twice, and
/// shards that do not add up to their sites file.
struct MergeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract:
      "Rank several crawl archives (e.g. every shard of a job array) as one crawl, without the network."
  )

  @Argument(help: "Archive folders written by 'muniscan crawl' (e.g. crawls/2026-11/shard-*).")
  var archives: [String]

  @Flag(help: "Rank the shards given even when some of their sites file's shards are missing.")
  var allowMissingShards = false

  @OptionGroup var scoring: ScoringArguments
  @OptionGroup var result: ResultArguments

  @OptionGroup var incomplete: IncompleteArchiveArguments

  @Flag(help: "Log progress to standard error.")
  var verbose = false

  func run() async throws {
    let outputs = try await result.open()
    let set = try ArchiveSet.open(archives, allowingMissingShards: allowMissingShards)
    for warning in set.warnings { Console.note("warning: \(warning)\n") }
    let ruleSet = try RulesLocator.load(scoring.rules)
    let words = try result.output.words(for: ruleSet)
    let audit = Audit(ruleSet: ruleSet, logger: .muniscan(verbose: verbose))
    try await ArchiveScoring.score(
      set.archives, with: audit, asOf: scoring.asOfDay, incomplete: incomplete, outputs: outputs,
      words: words)
  }
}
