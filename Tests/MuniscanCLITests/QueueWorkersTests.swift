import FixtureServer
import Foundation
import MuniscanCore
import MuniscanTestSupport
import Testing

/// Four `muniscan worker` processes audit 200 loopback sites (180 host groups) while one is
/// killed with SIGKILL mid-task and another stopped with SIGSTOP past its lease and then
/// continued: every site ends with exactly one result, the killed worker's tasks are retried,
/// the stalled worker's late completions are refused, no host is crawled faster than its delay
/// allows, and the run ranks as a single `scan`.
@Suite struct QueueWorkersTests {
  /// 180 registrable domains, 20 of them with a second site (`kool.`): 200 sites, 180 tasks.
  static let hosts = (0..<180).map { "vald\($0).test" } + (0..<20).map { "kool.vald\($0).test" }
  // A fixture's robots.txt asks for `Crawl-delay: 10` (Drupal's default); the test's own
  // delay is the one it checks.
  static let crawl = [
    "--max-pages", "5", "--delay", "0.2", "--max-crawl-delay", "0", "--as-of", "2026-11-20",
  ]

  @Test func killedAndStalledWorkersLeaveExactlyOneResultPerSite() async throws {
    let database = try await QueueDatabase.create()
    let folder = NSTemporaryDirectory() + "muniscan-queue-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let server = try await Self.serve()
    do {
      try await workers(database, server: server, folder: folder)
    } catch {
      Issue.record(error)
    }
    try await server.stop()
    await database.drop()
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Serves the fixture municipalities under the test's host names, each host one of them.
  static func serve() async throws -> FixtureServer {
    let sites = try StaticSites(root: CommandRunner.repository + "/fixtures/sites")
    let fixtureHosts = sites.hosts.sorted()
    let served = Dictionary(
      uniqueKeysWithValues: hosts.enumerated().map { ($1, fixtureHosts[$0 % fixtureHosts.count]) }
    )
    return try await FixtureServer.start { request in
      guard let host = served[request.host] else { return .notFound }
      return sites.respond(
        to: FixtureRequest(
          method: request.method, host: host, target: request.target, headers: request.headers))
    }
  }

  private func workers(_ database: QueueDatabase, server: FixtureServer, folder: String)
    async throws
  {
    let sitesFile = folder + "/sites.csv"
    let rows = Self.hosts.map { "\($0),http://\($0):\(server.port)/" }
    try (["name,url"] + rows).joined(separator: "\n").write(
      toFile: sitesFile, atomically: true, encoding: .utf8)
    let resolve = Self.hosts.flatMap { ["--resolve", "\($0):\(server.port):127.0.0.1"] }
    let options = ["--sites", sitesFile] + Self.crawl + resolve
    let enqueued = await CommandRunner.run(
      ["enqueue", "--store", database.url, "--max-attempts", "5"] + options)
    try #require(enqueued.error == nil, "\(enqueued.message)")
    let runID = enqueued.output.trimmingCharacters(in: .newlines)
    #expect(try await database.value("SELECT count(*) FROM queue_tasks") == "180")

    let arguments = [
      "worker", "--store", database.url, "--archive", folder + "/archives", "--lease", "4",
      "--idle-exit", "6", "--concurrency", "16",
    ]
    let killed = try ChildProcess.muniscan(arguments)
    let killedTasks = try await busyTasks(of: killed, database, server: server)
    killed.signal(SIGKILL)
    let stalled = try ChildProcess.muniscan(arguments)
    let stalledTasks = try await busyTasks(of: stalled, database, server: server)
    stalled.signal(SIGSTOP)
    let others = try (0..<2).map { _ in try ChildProcess.muniscan(arguments) }
    // Continued once every task it held is held or finished by another worker.
    let stalledName = Self.name(stalled)
    try await waitFor("the stalled worker's tasks are taken over") {
      try await database.value("SELECT count(*) FROM queue_tasks WHERE worker = '\(stalledName)'")
        == "0"
    }
    stalled.signal(SIGCONT)

    var results: [ChildProcess.Result] = []
    for worker in [stalled] + others { results.append(try await worker.wait(seconds: 120)) }
    #expect(try await killed.wait(seconds: 10).status == 128 + SIGKILL)
    for result in results { #expect(result.status == 0, "\(result.errors)") }
    #expect(
      results[0].errors.contains(
        "the lease expired before the task ended; its results were refused"),
      "\(results[0].errors)")
    #expect(
      try await database.rows("SELECT state, count(*) FROM queue_tasks GROUP BY state") == [
        "done|180"
      ])
    #expect(
      try await database.value("SELECT count(*), count(DISTINCT url) FROM queue_results")
        == "200|200")
    for (holder, tasks) in [("killed", killedTasks), ("stalled", stalledTasks)] {
      let attempts = try await database.rows(
        "SELECT attempts FROM queue_tasks WHERE number IN (\(tasks.joined(separator: ",")))")
      #expect(attempts.allSatisfy { (Int($0) ?? 0) >= 2 }, "\(holder): \(attempts)")
    }

    // One worker at a time per host: never more requests to a host in a second than the delay
    // allows (5, and 2 more for the loopback's jitter on this loaded machine, where a request
    // held up on its way arrives just before the next), the stalled worker's wake-up included;
    // two workers at once would double the rate.
    for (host, requests) in Dictionary(grouping: server.requestLog, by: \.host) {
      let times = requests.map(\.receivedAt).sorted()
      let busiest =
        times.map { start in times.filter { $0 >= start && $0 < start + 1 }.count }
        .max() ?? 0
      #expect(busiest <= 7, "\(host): \(busiest) requests in one second")
    }

    let report = await CommandRunner.run([
      "report", "--store", database.url, "--run", runID, "--format", "json",
    ])
    #expect(report.error == nil, "\(report.message)")
    let scan = await CommandRunner.run(
      ["scan", "--format", "json", "--no-progress", "--concurrency", "64"] + options)
    #expect(scan.error == nil, "\(scan.message)")
    var queued = try JSONDecoder().decode(Scorecard.self, from: Data(report.output.utf8))
    queued.runID = nil
    for index in queued.sites.indices { queued.sites[index].trend = nil }
    #expect(queued.sites.count == 200)
    let single = try JSONDecoder().decode(Scorecard.self, from: Data(scan.output.utf8))
    let differing = zip(queued.sites, single.sites).filter { $0 != $1 }.map { queued, single in
      "\(queued.site.url): \(queued.outcome) \(queued.total ?? -1) \(queued.pagesCrawled) \(queued.crawl), "
        + "scan: \(single.outcome) \(single.total ?? -1) \(single.pagesCrawled) \(single.crawl)"
    }
    #expect(differing.isEmpty, "\(differing.prefix(5))")
    #expect(queued == single)
  }

  @Test func sigtermGivesTheTasksUnderWayBackAndExitsWith143() async throws {
    let database = try await QueueDatabase.create()
    let fixture = try await CrawlFixture.start()
    do {
      let enqueued = await CommandRunner.run(
        ["enqueue", "--store", database.url, "--sites", fixture.sitesFile, "--delay", "2"]
          + CommandRunner.resolve(CrawlFixture.hosts, port: fixture.server.port))
      try #require(enqueued.error == nil, "\(enqueued.message)")
      let worker = try ChildProcess.muniscan([
        "worker", "--store", database.url, "--archive", fixture.folder + "/queue",
      ])
      let held = try await busyTasks(of: worker, database, server: fixture.server)
      worker.signal(SIGTERM)
      let result = try await worker.wait(seconds: 30)
      #expect(result.status == 143, "\(result.errors)")
      #expect(result.errors.contains("stopping: giving the tasks under way back to the queue\n"))
      #expect(result.errors.contains("\(held.count) given back\n"), "\(result.errors)")
      #expect(
        try await database.rows("SELECT state, attempts, lease_token FROM queue_tasks")
          == Array(repeating: "pending|0|", count: 4))
    } catch {
      Issue.record(error)
    }
    try await fixture.stop()
    await database.drop()
  }

  /// The numbers of the tasks `worker` holds, once it holds some and has fetched from one.
  private func busyTasks(of worker: ChildProcess, _ database: QueueDatabase, server: FixtureServer)
    async throws -> [String]
  {
    let name = Self.name(worker)
    var tasks: [String] = []
    try await waitFor("worker \(name) to be crawling") {
      tasks = try await database.rows(
        "SELECT number FROM queue_tasks WHERE worker = '\(name)' AND state = 'leased'")
      let urls = try await database.rows(
        "SELECT json_array_elements(sites)->>'url' FROM queue_tasks WHERE worker = '\(name)'")
      let hosts = Set(urls.compactMap { URL(string: $0)?.host })
      return !tasks.isEmpty && server.requestLog.contains { hosts.contains($0.host) }
    }
    return tasks
  }

  /// The name a worker process gives itself in the queue.
  static func name(_ worker: ChildProcess) -> String {
    "\(ProcessInfo.processInfo.hostName):\(worker.processIdentifier)"
  }
}
