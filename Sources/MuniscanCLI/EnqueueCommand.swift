import ArgumentParser
import Foundation
import MuniscanAudit
import MuniscanCore

/// `muniscan enqueue --store postgres://… --sites FILE`: puts an audit of the sites into the
/// work queue, one task per host group, for `muniscan worker` processes on any machine.
struct EnqueueCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enqueue",
    abstract:
      "Queue an audit of every site of a sites file for 'muniscan worker' (one task per host group); prints the run id."
  )

  @OptionGroup var queueStore: QueueStoreArguments

  @Option(help: "CSV file with a header row naming 'name' and 'url'.")
  var sites: String

  @Option(
    parsing: .unconditional,
    help: "Claims of a task that may end without its results before it is failed (1–100).")
  var maxAttempts = 3

  @OptionGroup var crawl: CrawlArguments
  @OptionGroup var scoring: ScoringArguments

  func validate() throws {
    try OptionRange.check("--max-attempts", maxAttempts, 1...100)
  }

  func run() async throws {
    let list = try SitesFile.load(path: sites)
    let ruleSet = try RulesLocator.load(scoring.rules)
    let queue = try await queueStore.open()
    let options = QueuedRunOptions(
      crawl: crawl.crawlOptions, userAgent: crawl.userAgent, resolve: crawl.resolve,
      connectTo: crawl.connectTo, timeout: crawl.timeout, rules: scoring.rules,
      ruleSetID: ruleSet.id, ruleSetVersion: ruleSet.version,
      asOf: scoring.asOfDay ?? Day.today())
    let runID = try await QueuedAudit.enqueue(
      list, options: options, in: queue, maxAttempts: maxAttempts)
    let tasks = QueuedAudit.hostGroups(list).count
    Console.note("queued \(list.count) sites of \(sites) in \(tasks) tasks as run \(runID)\n")
    Console.write(runID + "\n")
  }
}
