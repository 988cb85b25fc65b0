import Foundation
import MuniscanTestSupport
import Testing

/// A PostgreSQL server that stops under the queue's commands (a server of the test's own):
/// `worker` and `runs list` end with one line and a non-zero status within the store's
/// deadline, never a hang, and once the server is back a worker finishes the run.
@Suite struct QueueServerStopTests {
  @Test func aStoppedServerIsOneLineAndANonZeroStatusAndTheRunGoesOnWhenItIsBack() async throws {
    _ = try QueueDatabase.testServer()
    let folder = NSTemporaryDirectory() + "muniscan-postgres-\(UUID().uuidString)"
    let url = try await Self.server(["start", folder])
    let fixture = try await CrawlFixture.start()
    do {
      try await stopAndStartAgain(url, folder: folder, fixture: fixture)
    } catch {
      Issue.record(error)
    }
    try await fixture.stop()
    try await Self.server(["remove", folder])
  }

  private func stopAndStartAgain(_ store: String, folder: String, fixture: CrawlFixture)
    async throws
  {
    let enqueued = await CommandRunner.run(
      ["enqueue", "--store", store, "--sites", fixture.sitesFile, "--delay", "0"]
        + CommandRunner.resolve(CrawlFixture.hosts, port: fixture.server.port))
    try #require(enqueued.error == nil, "\(enqueued.message)")
    let worker = [
      "worker", "--store", store, "--archive", fixture.folder + "/queue", "--idle-exit", "0",
    ]

    try await Self.server(["stop", folder])
    for command in [worker, ["runs", "list", "--store", store]] {
      var outcome: CommandRunner.Outcome?
      let took = await ContinuousClock().measure { outcome = await CommandRunner.run(command) }
      let message = outcome?.message ?? ""
      #expect(outcome?.exitCode ?? 0 != 0, "\(command[0])")
      #expect(message.contains("cannot connect to the server"), "\(message)")
      #expect(!message.contains("\n"), "\(message)")
      #expect(took < .seconds(25), "\(command[0]): \(took)")
    }

    try await Self.server(["start", folder])
    let finished = await CommandRunner.run(worker)
    #expect(finished.error == nil, "\(finished.message)")
    let list = await CommandRunner.run(["runs", "list", "--store", store])
    #expect(list.output.contains(" stored\n"), "\(list.output)")
  }

  /// Runs `scripts/postgres-test-server` and returns what it printed.
  @discardableResult
  static func server(_ arguments: [String]) async throws -> String {
    let result = try await ChildProcess.run(
      CommandRunner.repository + "/scripts/postgres-test-server", arguments, timeout: 120)
    try #require(result.status == 0, "postgres-test-server \(arguments): \(result.errors)")
    return result.outputText.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
