import ArgumentParser
import MuniscanCore
import MuniscanStore

/// `--store FILE` of the commands that audit: keeps the run in the run history.
struct StoreArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Run history file (SQLite) to store this run in, e.g. runs.sqlite (created if missing).",
      valueName: "file"))
  var store: String?

  /// Stores the scorecard when `--store` is given and returns it with its run id.
  func save(_ scorecard: Scorecard) throws -> Scorecard {
    guard let store else { return scorecard }
    var stored = scorecard
    let id = try SQLiteRunStore(path: store).save(scorecard)
    stored.runID = id
    Console.note("stored run \(id) in \(store)\n")
    return stored
  }
}
