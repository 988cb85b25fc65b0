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
      "Run history to store this run in: an SQLite file, e.g. runs.sqlite (created if "
        + "missing), or a postgres:// URL.", valueName: "file|url"))
  var store: String?

  @OptionGroup var failUnder: FailUnderArguments

  /// Checks, before anything is fetched, that every output can be written: the run store
  /// opens (or is made), and `--out` is a folder muniscan can write in. A mistake in a path
  /// then costs nothing, never a finished crawl.
  func checkOutputs() async throws {
    if let store { _ = try await RunStoreLocation(store).open() }
    if let out = output.out { try ReportWriter.checkFolder(out, option: "--out") }
  }

  /// With a `shard`, `--out DIR` means the folder of all shards' reports: this shard's replace
  /// `DIR/shard-K-of-N` as a whole.
  func deliver(_ scorecard: Scorecard, shard: Shard? = nil) async throws {
    var result = scorecard
    if let store {
      let location = try RunStoreLocation(store)
      result = try await RunHistory.save(scorecard, in: location.open())
      Console.note("stored run \(result.runID ?? "") in \(location)\n")
    }
    Console.write(try output.render(result, shard: shard))
    try failUnder.check(result)
  }
}
