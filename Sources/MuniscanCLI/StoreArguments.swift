import ArgumentParser
import MuniscanCore
import MuniscanStore

/// `--store FILE|URL` of the commands that audit: keeps the run in the run history.
struct StoreArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Run history to store this run in: an SQLite file, e.g. runs.sqlite (created if "
        + "missing), or a postgres:// URL.", valueName: "file|url"))
  var store: String?

  /// Stores the scorecard when `--store` is given and returns it with its run id.
  func save(_ scorecard: Scorecard) async throws -> Scorecard {
    guard let store else { return scorecard }
    let location = try RunStoreLocation(store)
    var stored = scorecard
    let id = try await location.open().save(scorecard)
    stored.runID = id
    Console.note("stored run \(id) in \(location)\n")
    return stored
  }
}
