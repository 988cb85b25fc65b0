import ArgumentParser
import Foundation
import MuniscanArchive
import MuniscanAudit
import MuniscanCore
import MuniscanCrawler
import MuniscanHTTP

/// `muniscan crawl --sites FILE --out DIR`: crawl every site into a WARC archive folder, which
/// `muniscan score` judges later without the network. Run it again to resume a stopped crawl.
struct CrawlCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crawl",
    abstract: "Crawl every site of a sites file into a WARC archive folder (run again to resume).")

  @Option(help: "CSV file with a header row naming 'name' and 'url'.")
  var sites: String

  @Option(
    help:
      "Archive folder; a crawl already there is resumed. With --shard, the folder of all shards' archives."
  )
  var out: String

  @Option(
    name: .customLong("operator"),
    help: "Who runs the crawl and how to reach them, for the WARC files (default: the user agent).")
  var operatorName: String?

  @Option(
    help: ArgumentHelp(
      "Rule set folder whose locale and queries the crawl reads pages with (default: rules/ee).",
      discussion:
        "The crawl keeps each page's facts beside the archive, so that 'muniscan score' with the same rule set need not parse the pages again (with another, it parses them). The crawl collects every page whatever the rules.",
      valueName: "dir"))
  var rules: String?

  @OptionGroup var crawl: CrawlArguments
  @OptionGroup var sharding: ShardArguments

  func run() async throws {
    let all = try SitesFile.load(path: sites)
    let chosen = try sharding.chosen()
    let list = chosen?.shard.sites(of: all) ?? all
    let directory = chosen?.shard.folder(in: out) ?? out
    if let chosen { ShardArguments.note(chosen, sites: list.count, of: all.count, file: sites) }
    let ruleSet = try RulesLocator.load(rules)
    let archived = try ArchivedCrawl.open(
      directory: directory, sitesFile: sites, sites: list, options: crawl.crawlOptions,
      userAgent: crawl.userAgent, software: "muniscan \(MuniscanCommand.configuration.version)",
      shard: chosen?.shard.record(of: all))
    for repair in archived.repairs { Console.note("repaired \(repair)\n") }
    if archived.isResuming {
      Console.note(
        "resuming \(directory): \(archived.finishedBefore.count) of \(list.count) sites done before\n"
      )
    }
    try OpenFileLimit.ensure(
      sitesAtOnce: min(crawl.concurrency, archived.pending.count), archiving: true)
    let client = try HTTPClient(configuration: crawl.httpConfiguration)
    defer { client.shutdown() }
    let (logger, operatorName) = (crawl.logger, operatorName)
    let (queries, locale) = (ruleSet.queries.map(\.query), ruleSet.locale)
    let display = crawl.display(sites: archived.pending.count)
    await display?.start()
    let (finished, interrupted) = try await Interruption.cancellingOnInterrupt {
      try await archived.run(
        client: client, logger: logger, operatorName: operatorName, observer: display,
        queries: queries, locale: locale)
    }
    await display?.finish(table: false)
    let status = "\(finished.count) of \(list.count) sites done; resume with: \(resumeCommand)"
    if interrupted {
      Console.note("interrupted: \(status)\n")
      throw ExitCode(130)
    }
    Console.write(SiteSummary.table(finished.map(SiteSummary.init)) + "archive: \(directory)\n")
    guard finished.count == list.count else {
      throw MuniscanError("some sites could not be archived completely: \(status)")
    }
  }

  /// The command line that continues this crawl: the one given, when it can be known.
  private var resumeCommand: String {
    let given = Array(CommandLine.arguments.dropFirst())
    let words = given.first == "crawl" ? given : ["crawl", "--sites", sites, "--out", out]
    return (["muniscan"] + words).map(Self.shellQuoted).joined(separator: " ")
  }

  private static func shellQuoted(_ word: String) -> String {
    let plain = word.allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:=@%+,".contains($0))
    }
    return plain && !word.isEmpty
      ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
