import ArgumentParser
import MuniscanAudit
import MuniscanCore
import MuniscanStore

/// `muniscan report --store FILE|URL`: renders a stored run again, in any format, with each site's
/// trend and, when asked, the changes since an earlier run.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Render a stored run, with each site's trend and the changes since an earlier run.")

  @Option(
    help: ArgumentHelp("Run history: an SQLite file or a postgres:// URL.", valueName: "file|url"))
  var store: String

  @Option(
    name: .customLong("run"),
    help: ArgumentHelp("The run to render: a run id or 'latest'.", valueName: "id"))
  var runReference = "latest"

  @Option(
    help: ArgumentHelp(
      "Show the changes since an earlier run: 'previous' (of the same rule set) or a run id.",
      valueName: "id"))
  var compare: String?

  @Option(
    help:
      "Folder of a queued run's rule set, when its scorecard is built here (default: the folder the run names)."
  )
  var rules: String?

  @OptionGroup var output: OutputArguments
  @OptionGroup var failUnder: FailUnderArguments

  func run() async throws {
    let location = try RunStoreLocation(store)
    if case .postgres(let postgres) = location, runReference != "latest" {
      try await storeIfDrained(postgres)
    }
    let history = try await location.open(create: false)
    let runID = try await RunHistory.run(runReference, in: history, path: location.description)
    let scorecard = try await history.scorecard(runID: runID)
    var previousRunID: String?
    if let compare {
      previousRunID = try await RunHistory.comparisonRun(
        compare, for: runID, in: history, path: location.description)
    }
    let annotated = try await RunHistory.annotate(
      scorecard, store: history, comparingWith: previousRunID)
    let words = try ReportLanguage.words(
      output.lang, languages: ReportLanguage.languages(of: scorecard),
      locales: RulesLocator.locales(for: nil))
    try output.write(annotated, words: words)
    try failUnder.check(annotated)
  }

  /// Stores the scorecard of the queued run asked for when its last task has just ended (a
  /// task failed by an expired lease has no worker to do it); a one-line error while tasks are
  /// open.
  private func storeIfDrained(_ location: PostgresLocation) async throws {
    let queue = WorkQueue(store: try await PostgresRunStore(location: location, create: false))
    guard let run = try await queue.runs().first(where: { $0.id == runReference }),
      !run.isStored
    else { return }
    guard run.progress.isFinished else {
      throw MuniscanError(
        "\(location): queued run \(run.id) is not finished (\(run.progress.pending) tasks "
          + "pending, \(run.progress.leased) leased): see 'muniscan runs list --store \(location)'")
    }
    try await QueuedAudit.storeIfDrained(
      runID: run.id, in: WorkQueue(store: try await PostgresRunStore(location: location)),
      rules: RuleSetCache(override: rules))
  }
}
