import ArgumentParser
import MuniscanAudit
import MuniscanCore
import MuniscanStore

/// What every command that audits does with its scorecard: keeps it in the run history
/// (`--store`), prints or writes the reports, and turns a low score into an exit status
/// (`--fail-under`).
struct ResultArguments: ParsableArguments {
  @OptionGroup var output: OutputArguments

  @Option(
    help: ArgumentHelp(
      "Run history file (SQLite) to store this run in, e.g. runs.sqlite (created if missing).",
      valueName: "file"))
  var store: String?

  @OptionGroup var failUnder: FailUnderArguments

  /// With a `shard`, `--out DIR` means the folder of all shards' reports: this shard's replace
  /// `DIR/shard-K-of-N` as a whole.
  func deliver(_ scorecard: Scorecard, shard: Shard? = nil) throws {
    var result = scorecard
    if let store {
      result = try RunHistory.save(scorecard, in: SQLiteRunStore(path: store))
      Console.note("stored run \(result.runID ?? "") in \(store)\n")
    }
    Console.write(try output.render(result, shard: shard))
    try failUnder.check(result)
  }
}
