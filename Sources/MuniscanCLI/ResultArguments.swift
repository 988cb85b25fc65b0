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

  func deliver(_ scorecard: Scorecard) throws {
    var result = scorecard
    if let store {
      result = try RunHistory.save(scorecard, in: SQLiteRunStore(path: store))
      Console.note("stored run \(result.runID ?? "") in \(store)\n")
    }
    Console.write(try output.render(result))
    try failUnder.check(result)
  }
}
