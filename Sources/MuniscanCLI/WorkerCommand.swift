import ArgumentParser
import Foundation
import MuniscanAudit
import MuniscanCrawler

/// `muniscan worker --store postgres://… --archive DIR`: audits tasks of the work queue until
/// there are none left (with `--idle-exit`), as many processes on as many machines as wanted.
/// SIGTERM or Ctrl-C gives the tasks under way back to the queue and exits with 143 (130).
struct WorkerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worker",
    abstract:
      "Audit tasks of the work queue of a PostgreSQL run store, archiving each task's crawl into a folder."
  )

  @OptionGroup var queueStore: QueueStoreArguments

  @Option(help: "Folder of the WARC archives (one per task and attempt, under the run's id).")
  var archive: String

  @Option(parsing: .unconditional, help: "Stop claiming tasks once this many sites were taken.")
  var maxSites: Int?

  @Option(
    parsing: .unconditional,
    help: "Exit after finding no task to claim for this many seconds (default: keep waiting).")
  var idleExit: Double?

  @Option(
    parsing: .unconditional,
    help: "Seconds a claim holds without renewal; renewed every third of it (2–3600).")
  var lease = 60.0

  @Option(parsing: .unconditional, help: "Tasks (host groups) worked on at once (1–1000).")
  var concurrency = 16

  @Option(
    help: "Folder of the run's rule set on this machine (default: the folder the run names).")
  var rules: String?

  @Flag(help: "Log progress to standard error.")
  var verbose = false

  func validate() throws {
    if let maxSites { try OptionRange.check("--max-sites", maxSites, 1...10_000_000) }
    if let idleExit { try OptionRange.check("--idle-exit", idleExit, 0...86_400, unit: "seconds") }
    try OptionRange.check("--lease", lease, 2...3600, unit: "seconds")
    try OptionRange.check("--concurrency", concurrency, 1...1000)
  }

  func run() async throws {
    try OpenFileLimit.ensure(sitesAtOnce: concurrency, archiving: true)
    let queue = try await queueStore.open()
    let settings = QueueWorker.Settings(
      name: "\(ProcessInfo.processInfo.hostName):\(getpid())", archive: archive,
      lease: .seconds(lease), slots: concurrency, maxSites: maxSites,
      idleExit: idleExit.map { .seconds($0) },
      poll: .seconds(min(1, max(0.05, (idleExit ?? 1) / 4))),
      software: "muniscan \(MuniscanCommand.configuration.version)")
    let worker = QueueWorker(
      queue: queue, settings: settings, rules: RuleSetCache(override: rules),
      logger: .muniscan(verbose: verbose), note: { Console.note($0) })
    let (summary, signal) = try await Interruption.cancelling(
      on: [SIGINT, SIGTERM], note: "stopping: giving the tasks under way back to the queue\n"
    ) { try await worker.run() }
    Console.note(
      "worker: \(summary.completed) tasks done, \(summary.failed) failed, \(summary.refused) "
        + "refused (lease expired), \(summary.released) given back\n")
    if let signal { throw ExitCode(128 + signal) }
  }
}
