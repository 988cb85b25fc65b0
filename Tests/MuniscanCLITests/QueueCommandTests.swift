import Foundation
import MuniscanCore
import MuniscanTestSupport
import Testing

/// `enqueue`, `worker`, `runs list` and `report` on a queued run: the four fixture sites audited
/// through the work queue rank exactly as a `scan` of them.
@Suite struct QueueCommandTests {
  static let asOf = ["--as-of", "2026-11-20"]

  @Test(arguments: ["enqueue", "worker"])
  func theQueueCommandsRefuseAnSQLiteStoreInOneLine(command: String) async {
    let store = NSTemporaryDirectory() + "muniscan-\(UUID().uuidString).sqlite"
    let arguments =
      command == "enqueue" ? ["--sites", "sites/ee.csv"] : ["--archive", NSTemporaryDirectory()]
    let outcome = await CommandRunner.run([command, "--store", store] + arguments)
    #expect(outcome.exitCode != 0)
    #expect(
      outcome.message.hasSuffix(
        "\(store): the work queue needs a PostgreSQL store (--store postgres://…), not an SQLite "
          + "file"), "\(outcome.message)")
    #expect(!outcome.message.contains("\n"))
    #expect(!FileManager.default.fileExists(atPath: store))
  }

  @Test func aQueuedRunWorkedThroughRanksAsAScanAndIsReportedLikeAnyRun() async throws {
    let database = try await QueueDatabase.create()
    let fixture = try await CrawlFixture.start()
    defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
    do {
      try await queuedRun(fixture, database.url)
    } catch {
      Issue.record(error)
    }
    try await fixture.server.stop()
    await database.drop()
  }

  private func queuedRun(_ fixture: CrawlFixture, _ store: String) async throws {
    let crawl =
      ["--sites", fixture.sitesFile, "--delay", "0"] + Self.asOf
      + CommandRunner.resolve(CrawlFixture.hosts, port: fixture.server.port)
    let enqueued = await CommandRunner.run(["enqueue", "--store", store] + crawl)
    #expect(enqueued.error == nil, "\(enqueued.message)")
    #expect(enqueued.output == "2026-11-20\n")
    #expect(
      enqueued.notes == "queued 4 sites of \(fixture.sitesFile) in 4 tasks as run 2026-11-20\n")
    let waiting = await CommandRunner.run(["runs", "list", "--store", store])
    #expect(waiting.output.contains("queued runs (tasks):\n"), "\(waiting.output)")
    #expect(try queuedRow(waiting.output) == ["2026-11-20", "2026-11-20", "4", "0", "0", "0", "-"])
    let early = await CommandRunner.run(["report", "--store", store, "--run", "2026-11-20"])
    #expect(
      early.message.hasSuffix(
        "queued run 2026-11-20 is not finished (4 tasks pending, 0 leased): see 'muniscan runs list --store \(store)'"
      ), "\(early.message)")

    let archive = fixture.folder + "/queue"
    let worker = ["worker", "--store", store, "--archive", archive, "--idle-exit", "0"]
    let rules = try TemporaryRuleSet([
      "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
      "council.yml": TemporaryRuleSet.rule("match: {text: protokoll}"),
    ])
    defer { rules.remove() }
    let otherRules = await CommandRunner.run(worker + ["--rules", rules.directory])
    #expect(otherRules.exitCode != 0)
    #expect(
      otherRules.message.contains(
        "\(rules.directory) holds rule set test 1, but run 2026-11-20 was enqueued with "),
      "\(otherRules.message)")
    let given = await CommandRunner.run(["runs", "list", "--store", store])
    #expect(try queuedRow(given.output) == ["2026-11-20", "2026-11-20", "4", "0", "0", "0", "-"])

    let two = await CommandRunner.run(worker + ["--max-sites", "2", "--concurrency", "1"])
    #expect(two.error == nil, "\(two.message)")
    let half = await CommandRunner.run(["runs", "list", "--store", store])
    #expect(try queuedRow(half.output) == ["2026-11-20", "2026-11-20", "2", "0", "2", "0", "-"])
    let rest = await CommandRunner.run(worker)
    #expect(rest.error == nil, "\(rest.message)")
    #expect(
      rest.notes.hasSuffix(
        "worker: 2 tasks done, 0 failed, 0 refused (lease expired), 0 given back\n"),
      "\(rest.notes)")
    for task in 0..<4 {
      let manifest = "\(archive)/2026-11-20/task-\(task)-attempt-1/crawl.json"
      #expect(FileManager.default.fileExists(atPath: manifest), "\(manifest)")
    }
    let drained = await CommandRunner.run(["runs", "list", "--store", store])
    #expect(
      try queuedRow(drained.output) == ["2026-11-20", "2026-11-20", "0", "0", "4", "0", "stored"])

    let report = await CommandRunner.run([
      "report", "--store", store, "--run", "2026-11-20", "--format", "json",
    ])
    #expect(report.error == nil, "\(report.message)")
    let scan = await CommandRunner.run(["scan", "--format", "json", "--no-progress"] + crawl)
    #expect(scan.error == nil, "\(scan.message)")
    var queued = try decode(report.output)
    #expect(queued.runID == "2026-11-20")
    queued.runID = nil
    for index in queued.sites.indices { queued.sites[index].trend = nil }
    #expect(queued == (try decode(scan.output)))
  }

  /// The columns of the one queued run `runs list` shows.
  private func queuedRow(_ output: String) throws -> [String] {
    let lines = output.components(separatedBy: "queued runs (tasks):\n").last ?? ""
    let row = try #require(lines.split(separator: "\n").dropFirst().first)
    let columns = row.split(separator: " ").map(String.init)
    return Array(columns.prefix(6)) + [columns.last ?? ""]
  }

  private func decode(_ json: String) throws -> Scorecard {
    try JSONDecoder().decode(Scorecard.self, from: Data(json.utf8))
  }
}
