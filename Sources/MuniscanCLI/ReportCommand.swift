import ArgumentParser
import MuniscanAudit
import MuniscanStore

/// `muniscan report --store FILE`: renders a stored run again, in any format, with each site's
/// trend and, when asked, the changes since an earlier run.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Render a stored run, with each site's trend and the changes since an earlier run.")

  @Option(help: ArgumentHelp("Run history file (SQLite).", valueName: "file"))
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

  @OptionGroup var output: OutputArguments
  @OptionGroup var failUnder: FailUnderArguments

  func run() async throws {
    let history = try SQLiteRunStore(path: store, create: false)
    let runID = try RunHistory.run(runReference, in: history, path: store)
    let scorecard = try history.scorecard(runID: runID)
    let previousRunID = try compare.map {
      try RunHistory.comparisonRun($0, for: runID, in: history, path: store)
    }
    let annotated = try RunHistory.annotate(
      scorecard, store: history, comparingWith: previousRunID)
    Console.write(try output.render(annotated))
    try failUnder.check(annotated)
  }
}
