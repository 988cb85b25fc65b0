import ArgumentParser
import MuniscanAudit
import MuniscanCore
import MuniscanReports
import MuniscanStore

/// `muniscan run --sites FILE --store FILE`: the monthly job in one command. Audits every site,
/// stores the run, compares it with the previous run of the same rule set, prints the ranking
/// with the changes and writes the reports (`--out`, `--html`).
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Audit a sites file, store the run, compare it with the previous one, write reports.")

  @Option(help: "CSV file with a header row naming 'name' and 'url'.")
  var sites: String

  @Option(
    help: ArgumentHelp(
      "Run history to store the run in: an SQLite file (created if missing) or a postgres:// URL.",
      valueName: "file|url"))
  var store: String

  @Option(
    help: ArgumentHelp(
      "Folder to write the reports into (scorecard.json, scorecard.csv, scorecard.md, …).",
      valueName: "dir"))
  var out: String?

  @Option(
    help: ArgumentHelp(
      "Folder to write the HTML site into (index.html and a page per site).", valueName: "dir"))
  var html: String?

  @Option(
    help: ArgumentHelp(
      "Formats written into --out (comma-separated or repeated; default: all but terminal, "
        + "and html only without --html). Known: "
        + Reporters.names.joined(separator: ", ") + ".",
      valueName: "format"))
  var format: [String] = []

  @Option(
    help: ArgumentHelp(
      "Language of the reports: one the rule set declares (default: en if it does, else its own).",
      valueName: "code"))
  var lang: String?

  @OptionGroup var crawl: CrawlArguments
  @OptionGroup var scoring: ScoringArguments
  @OptionGroup var failUnder: FailUnderArguments

  /// The formats written into `--out`.
  var outFormats: [String] {
    guard format.isEmpty else { return OutputArguments.formats(format) }
    return Reporters.names.filter { $0 != "terminal" && (html == nil || $0 != "html") }
  }

  func validate() throws {
    if !format.isEmpty, out == nil {
      throw ValidationError("--format names the reports written into --out: give --out DIR")
    }
    for name in outFormats where Reporters.named(name) == nil {
      throw ValidationError(
        "unknown --format '\(name)' (known: \(Reporters.names.joined(separator: ", ")))")
    }
  }

  func run() async throws {
    let list = try SitesFile.load(path: sites)
    let ruleSet = try RulesLocator.load(scoring.rules)
    let words = try ReportLanguage.words(
      lang, languages: ruleSet.languages, locales: ruleSet.locales)
    let audit = Audit(ruleSet: ruleSet, logger: crawl.logger)
    // Opened before the crawl, so a file that is not a run store stops the job at once, and
    // the report folders checked likewise.
    let location = try RunStoreLocation(store)
    let history = try await location.open()
    if let out { try ReportWriter.checkFolder(out, option: "--out") }
    if let html { try ReportWriter.checkFolder(html, option: "--html") }
    let audited = try await crawl.scan(list, with: audit, asOf: scoring.asOfDay, progress: false)
    let (scorecard, previous) = try await RunHistory.record(audited, in: history)
    Console.note("stored run \(scorecard.runID ?? "") in \(location)\n")
    if let previous { Console.note("compared with run \(previous.id)\n") }

    let terminal = ReportOptions(words: words, color: Console.sink.isTerminal)
    if let reporter = Reporters.named("terminal") {
      Console.write(try reporter.render(scorecard, options: terminal))
    }
    var written: [String] = []
    if let out {
      written += try ReportWriter.write(
        scorecard, reporters: outFormats.compactMap(Reporters.named),
        options: ReportOptions(words: words), to: out)
    }
    if let html, let reporter = Reporters.named("html") {
      written += try ReportWriter.write(
        scorecard, reporters: [reporter], options: ReportOptions(words: words), to: html)
    }
    for path in written { Console.note("wrote \(path)\n") }
    try failUnder.check(scorecard)
  }
}
