import ArgumentParser
import Foundation
import Logging
import MuniscanAudit
import MuniscanCore
import MuniscanCrawler
import MuniscanHTTP
import MuniscanReports
import MuniscanRules

/// Options of every command that crawls.
struct CrawlArguments: ParsableArguments {
  @Option(parsing: .unconditional, help: "Pages fetched per site at most (1–100000).")
  var maxPages = 300

  @Option(parsing: .unconditional, help: "Clicks from the home page at most (0–100).")
  var maxDepth = 10

  @Option(parsing: .unconditional, help: "Seconds between requests to the same site (0–3600).")
  var delay = 1.0

  @Option(
    parsing: .unconditional,
    help:
      "Longest Crawl-delay a site's robots.txt may impose, in seconds (0–3600); 0 ignores Crawl-delay (for your own or test servers)."
  )
  var maxCrawlDelay = 10.0

  @Option(
    parsing: .unconditional,
    help:
      "Sites crawled at the same time (1–10000). The default crawls a national list (all 79 Estonian municipalities) at once, so only --delay limits it; memory stays flat, as pages wait on disk."
  )
  var concurrency = 100

  @Option(parsing: .unconditional, help: "Seconds a request may take in all (0.1–3600).")
  var timeout = 30.0

  @Option(help: "User-Agent sent with every request (say who you are and how to reach you).")
  var userAgent = HTTPClientConfiguration.defaultUserAgent

  @Option(
    help: ArgumentHelp(
      "Send requests for HOST:PORT to ADDRESS instead of resolving it (curl's --resolve); repeatable.",
      valueName: "host:port:address"))
  var resolve: [String] = []

  @Option(
    help: ArgumentHelp(
      "Send requests for HOST:PORT to HOST2:PORT2 instead, URLs unchanged (curl's --connect-to); repeatable.",
      valueName: "host:port:host2:port2"))
  var connectTo: [String] = []

  @Flag(help: "Log progress to standard error.")
  var verbose = false

  @Option(
    parsing: .unconditional,
    help: "Requests to one site in flight at once, 1 or 2 (starts stay --delay apart).")
  var connectionsPerHost = 1

  @Option(
    parsing: .unconditional,
    help: "Retries of a request that timed out, was reset or answered 429/5xx (0–10).")
  var retries = 2

  @Option(help: ArgumentHelp("Crawl only URLs matching this (repeatable).", valueName: "regex"))
  var include: [String] = []

  @Option(help: ArgumentHelp("Never crawl URLs matching this (repeatable).", valueName: "regex"))
  var exclude: [String] = []

  @Flag(help: "HEAD each document linked on the site for its size, type and Last-Modified.")
  var headDocuments = false

  @Flag(inversion: .prefixedNo, help: "Show progress and a summary per site on standard error.")
  var progress = true

  func validate() throws {
    try OptionRange.check("--max-pages", maxPages, 1...100_000)
    try OptionRange.check("--max-depth", maxDepth, 0...100)
    try OptionRange.check("--delay", delay, 0...3600, unit: "seconds")
    try OptionRange.check("--max-crawl-delay", maxCrawlDelay, 0...3600, unit: "seconds")
    try OptionRange.check("--concurrency", concurrency, 1...10_000)
    try OptionRange.check("--timeout", timeout, 0.1...3600, unit: "seconds")
    try OptionRange.check("--connections-per-host", connectionsPerHost, 1...2)
    try OptionRange.check("--retries", retries, 0...10)
    do {
      _ = try URLFilter(include: include, exclude: exclude)
    } catch {
      throw ValidationError(error.description)
    }
    for entry in resolve {
      let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count >= 3, !parts[0].isEmpty, let port = Int(parts[1]),
        (1...65535).contains(port),
        !parts[2...].joined(separator: ":").isEmpty
      else { throw ValidationError("--resolve '\(entry)' is not HOST:PORT:ADDRESS") }
    }
    for entry in connectTo {
      let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
      let isPort = { (part: Substring) in
        part.isEmpty || Int(part).map((1...65535).contains) == true
      }
      guard parts.count == 4, isPort(parts[1]), isPort(parts[3]), !parts[2].isEmpty else {
        throw ValidationError("--connect-to '\(entry)' is not HOST:PORT:HOST2:PORT2")
      }
    }
  }

  var crawlOptions: CrawlOptions {
    CrawlOptions(
      maxPages: maxPages, maxDepth: maxDepth, delay: delay, maxCrawlDelay: maxCrawlDelay,
      concurrentSites: concurrency,
      connectionsPerHost: connectionsPerHost, retry: RetryPolicy(maxAttempts: retries + 1),
      filter: (try? URLFilter(include: include, exclude: exclude)) ?? URLFilter(),
      headDocuments: headDocuments)
  }

  var httpConfiguration: HTTPClientConfiguration {
    .crawling(
      crawlOptions, userAgent: userAgent, resolve: resolve, connectTo: connectTo, timeout: timeout)
  }

  /// Audits `sites` with these crawl options, showing the crawl's progress unless
  /// `--no-progress` (or `progress` is false).
  func scan(_ sites: [Site], with audit: Audit, asOf: Day?, progress: Bool = true) async throws
    -> Scorecard
  {
    try OpenFileLimit.ensure(sitesAtOnce: min(concurrency, sites.count))
    let display = progress ? self.display(sites: sites.count) : nil
    await display?.start()
    let (scorecard, interrupted) = try await Interruption.cancellingOnInterrupt { [self] in
      try await audit.scan(
        sites, crawl: crawlOptions, http: httpConfiguration, asOf: asOf, observer: display)
    }
    await display?.finish()
    if interrupted {
      Console.note(
        "interrupted: no results were kept (a scan keeps none until it ends); to audit in steps "
          + "that can be stopped and resumed, use 'muniscan crawl' and then 'muniscan score'\n")
      throw ExitCode(130)
    }
    return scorecard
  }

  /// The progress line for a crawl of `sites` sites: live on a terminal, logged every few
  /// seconds elsewhere; nil with `--no-progress`.
  func display(sites: Int) -> CrawlProgress? {
    guard progress else { return nil }
    return CrawlProgress(
      sites: sites, maxPagesPerSite: maxPages, style: CrawlProgress.standardErrorStyle)
  }

  var logger: Logger { .muniscan(verbose: verbose) }
}

/// Options of every command that scores.
struct ScoringArguments: ParsableArguments {
  @Option(help: "Rule set folder (default: rules/ee).")
  var rules: String?

  @Option(help: "Audit date YYYY-MM-DD that freshness is judged against (default: the crawl date).")
  var asOf: String?

  func validate() throws {
    if let asOf, Day(iso: asOf) == nil {
      throw ValidationError("--as-of '\(asOf)' is not a date YYYY-MM-DD")
    }
  }

  var asOfDay: Day? { asOf.flatMap(Day.init(iso:)) }
}

/// Options of every command that prints a report.
struct OutputArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Report format: \(Reporters.names.joined(separator: ", ")); several (comma-separated or repeated) with --out.",
      valueName: "format"))
  var format: [String] = ["terminal"]

  @Option(
    help: ArgumentHelp(
      "Language of the report: one the rule set declares (default: en if it does, else its own).",
      valueName: "code"))
  var lang: String?

  @Option(
    help: ArgumentHelp(
      "Folder to write the reports into (scorecard.json, scorecard.csv, scorecard-wide.csv, scorecard.md, junit.xml, scorecard.txt, index.html with sites/); needed for html and for several formats.",
      valueName: "dir"))
  var out: String?

  /// The formats asked for, in order, each once.
  var formats: [String] { Self.formats(format) }

  /// The format names of repeated, comma-separated `--format` values, in order, each once.
  static func formats(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.flatMap { $0.split(separator: ",") }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    .filter { seen.insert($0).inserted }
  }

  func validate() throws {
    guard !formats.isEmpty else { throw ValidationError("--format needs a format name") }
    for name in formats where Reporters.named(name) == nil {
      throw ValidationError(
        "unknown --format '\(name)' (known: \(Reporters.names.joined(separator: ", ")))")
    }
    if out == nil, formats.count > 1 {
      throw ValidationError("several formats (\(formats.joined(separator: ", "))) need --out DIR")
    }
    if out == nil, formats == ["html"] {
      throw ValidationError("--format html writes a folder of pages: give --out DIR")
    }
  }

  /// The report words of `--lang` among the rule set's languages.
  func words(for ruleSet: RuleSet) throws -> ReportWords {
    try ReportLanguage.words(lang, languages: ruleSet.languages, locales: ruleSet.locales)
  }

  /// Writes the report in `words` to standard output, as it is made; with `--out`, writes
  /// every format's files there (a `shard`'s into a `shard-K-of-N` folder there that replaces
  /// the old one as a whole) and notes the paths written.
  func write(_ scorecard: Scorecard, words: ReportWords, shard: Shard? = nil) throws {
    let reporters = formats.compactMap(Reporters.named)
    guard let out else {
      let options = ReportOptions(words: words, color: Console.sink.isTerminal)
      try reporters[0].write(scorecard, options: options, to: Console.write)
      return
    }
    let options = ReportOptions(words: words)
    let written =
      try shard.map {
        try ReportWriter.replace(
          $0.folder(in: out), with: scorecard, reporters: reporters, options: options)
      } ?? ReportWriter.write(scorecard, reporters: reporters, options: options, to: out)
    for path in written { Console.note("wrote \(path)\n") }
  }
}

extension Logger {
  /// The commands' logger: standard error, progress with `--verbose`, warnings otherwise.
  static func muniscan(verbose: Bool) -> Logger {
    var logger = Logger(label: "muniscan") { StreamLogHandler.standardError(label: $0) }
    logger.logLevel = verbose ? .info : .warning
    return logger
  }
}
