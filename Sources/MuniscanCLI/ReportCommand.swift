import ArgumentParser
import MuniscanAudit
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

  @OptionGroup var output: OutputArguments
  @OptionGroup var failUnder: FailUnderArguments

  func run() async throws {
    let location = try RunStoreLocation(store)
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
    Console.write(try output.render(annotated, words: words))
    try failUnder.check(annotated)
  }
}
