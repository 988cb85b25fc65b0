import Foundation
import MuniscanCore
import Testing

/// The history commands on a PostgreSQL store: a database of its own on the test server that
/// `scripts/test` starts (MUNISCAN_TEST_POSTGRES), reached with a URL holding a password the
/// socket does not ask for, so the test can look for it in everything printed.
extension HistoryCommandTests {
  @Test func theHistoryCommandsWorkOnAPostgresStoreAndNeverPrintItsPassword() async throws {
    guard let server = ProcessInfo.processInfo.environment["MUNISCAN_TEST_POSTGRES"] else {
      print("⚠️⚠️⚠️ MUNISCAN_TEST_POSTGRES is not set: PostgreSQL test SKIPPED ⚠️⚠️⚠️")
      try Test.cancel("MUNISCAN_TEST_POSTGRES is not set")
    }
    defer { cleanUp() }
    let database = "muniscan_cli_" + UUID().uuidString.lowercased().prefix(8)
    try await psql(server, "CREATE DATABASE \(database)")
    do {
      try await historyCommands(server: server, database: database)
    } catch {
      Issue.record(error)
    }
    try await psql(server, "DROP DATABASE \(database) WITH (FORCE)")
  }

  private func historyCommands(server: String, database: String) async throws {
    var parts = try #require(URLComponents(string: server))
    parts.path = "/" + database
    parts.password = "never-printed"
    let store = try #require(parts.string)
    parts.password = "***"
    let shown = try #require(parts.string).replacingOccurrences(of: "%2A%2A%2A", with: "***")

    let first = try await crawl("scan", hiding: Self.firstMonth, ["--store", store])
    #expect(first.notes == "stored run 2026-11-20 in \(shown)\n")
    let second = try await crawl("scan", hiding: Self.secondMonth, ["--store", store])
    #expect(second.notes == "stored run 2026-11-20-2 in \(shown)\n")
    let report = await CommandRunner.run(
      ["report", "--store", store, "--compare", "previous", "--format", "json"])
    let card = try decode(report.output)
    #expect(card.runID == "2026-11-20-2")
    #expect(card.comparison?.previousRunID == "2026-11-20")
    #expect(card.sites.allSatisfy { $0.trend?.map(\.runID) == ["2026-11-20"] })
    let list = await CommandRunner.run(["runs", "list", "--store", store])
    #expect(list.output.split(separator: "\n").count == 3)
    let unknown = await CommandRunner.run(["report", "--store", store, "--run", "2026-01-01"])
    #expect(
      unknown.message
        == "\(shown): no run '2026-01-01' (see 'muniscan runs list --store \(shown)')")
    for outcome in [first, second, report, list, unknown] {
      #expect(!(outcome.output + outcome.notes + outcome.message).contains("never-printed"))
    }
  }

  /// Runs one SQL command with psql on the server's maintenance database, without holding a
  /// thread of the test pool while it runs.
  private func psql(_ url: String, _ sql: String) async throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
    process.arguments = ["-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
    let status = try await withCheckedThrowingContinuation { continuation in
      process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
      do {
        try process.run()
      } catch {
        continuation.resume(throwing: error)
      }
    }
    try #require(status == 0, "psql -c \(sql) failed")
  }
}
