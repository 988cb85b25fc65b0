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

  /// Opens every output before anything is fetched: the run store (made when missing) and the
  /// `--out` folder, checked writable. A mistake in a path then costs nothing, never a finished
  /// crawl, and the store opened here is the one the run is stored in.
  func open() async throws -> ResultOutputs {
    var opened: (location: RunStoreLocation, store: any RunStoring)?
    if let store {
      let location = try RunStoreLocation(store)
      opened = (location, try await location.open())
    }
    if let out = output.out { try ReportWriter.checkFolder(out, option: "--out") }
    return ResultOutputs(arguments: self, store: opened)
  }
}

/// The outputs of a command that audits, opened before its work: where its scorecard goes.
struct ResultOutputs {
  let arguments: ResultArguments
  let store: (location: RunStoreLocation, store: any RunStoring)?

  /// Stores the scorecard, prints or writes the reports in `words` and applies `--fail-under`
  /// (and, with `requireAudited`, exit status 4 for a site that was not audited). With a
  /// `shard`, `--out DIR` means the folder of all shards' reports: this shard's replace
  /// `DIR/shard-K-of-N` as a whole.
  func deliver(
    _ scorecard: Scorecard, words: ReportWords, shard: Shard? = nil, requireAudited: Bool = false
  ) async throws {
    var result = scorecard
    if let store {
      result = try await RunHistory.save(scorecard, in: store.store)
      Console.note("stored run \(result.runID ?? "") in \(store.location)\n")
    }
    try arguments.output.write(result, words: words, shard: shard)
    try arguments.failUnder.check(result, requireAudited: requireAudited)
  }
}
