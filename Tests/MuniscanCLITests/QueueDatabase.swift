import Foundation
import MuniscanTestSupport
import Testing

/// A database of its own on the PostgreSQL test server that `scripts/test` starts
/// (MUNISCAN_TEST_POSTGRES), for the work queue's commands, read back with psql.
struct QueueDatabase {
  let server: String
  let url: String

  /// The test server's URL; skips the calling test loudly when there is none.
  static func testServer() throws -> String {
    guard let server = ProcessInfo.processInfo.environment["MUNISCAN_TEST_POSTGRES"],
      !server.isEmpty
    else {
      print("⚠️⚠️⚠️ MUNISCAN_TEST_POSTGRES is not set: PostgreSQL test SKIPPED ⚠️⚠️⚠️")
      try Test.cancel("MUNISCAN_TEST_POSTGRES is not set")
    }
    return server
  }

  /// A new database on the test server.
  static func create() async throws -> QueueDatabase {
    try await create(on: try testServer())
  }

  /// A new database on the server at `server`.
  static func create(on server: String) async throws -> QueueDatabase {
    let name = "muniscan_queue_" + UUID().uuidString.lowercased().prefix(8)
    try await psql(server, "CREATE DATABASE \(name)")
    var parts = try #require(URLComponents(string: server))
    parts.path = "/" + name
    return QueueDatabase(server: server, url: try #require(parts.string))
  }

  func drop() async {
    let name = URL(string: url)?.lastPathComponent ?? ""
    _ = try? await Self.psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
  }

  /// The rows of `sql`, each its columns joined by `|`.
  func rows(_ sql: String) async throws -> [String] {
    try await Self.psql(url, sql).split(separator: "\n").map(String.init)
  }

  /// The one value `sql` selects.
  func value(_ sql: String) async throws -> String {
    try await rows(sql).first ?? ""
  }

  @discardableResult
  private static func psql(_ url: String, _ sql: String) async throws -> String {
    let result = try await ChildProcess.run(
      "psql", ["-q", "-At", "-v", "ON_ERROR_STOP=1", url, "-c", sql], timeout: 30)
    try #require(result.status == 0, "psql -c \(sql): \(result.errors)")
    return result.outputText
  }
}
