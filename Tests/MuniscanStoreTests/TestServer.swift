import Foundation
import Logging
import PostgresNIO
import Testing

@testable import MuniscanStore

/// The PostgreSQL server the tests run against: `scripts/test` starts one with
/// `scripts/postgres-test-server` and names it in MUNISCAN_TEST_POSTGRES. Without it, the
/// PostgreSQL cases say so loudly and are skipped; with it, each test gets a database of its own.
enum TestServer {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  /// The server's URL (its maintenance database); skips the calling test when there is none.
  static func url() throws -> String {
    guard let url = ProcessInfo.processInfo.environment["MUNISCAN_TEST_POSTGRES"], !url.isEmpty
    else {
      print(
        "⚠️⚠️⚠️ MUNISCAN_TEST_POSTGRES is not set: PostgreSQL test SKIPPED "
          + "(scripts/test starts a server and sets it) ⚠️⚠️⚠️")
      try Test.cancel("MUNISCAN_TEST_POSTGRES is not set")
    }
    return url
  }

  /// A new, empty database on the server at `serverURL`, and its URL.
  static func createDatabase(on serverURL: String) async throws -> String {
    let name = "muniscan_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    try await execute("CREATE DATABASE \(name)", at: serverURL)
    return try url(serverURL, database: name)
  }

  /// Drops the database of `url`, closing any connection still open to it.
  static func dropDatabase(_ url: String, server serverURL: String) async {
    guard let name = try? PostgresLocation(url).database else { return }
    _ = try? await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", at: serverURL)
  }

  /// `url` with another database.
  static func url(_ url: String, database: String) throws -> String {
    var parts = try #require(URLComponents(string: url))
    parts.path = "/" + database
    return try #require(parts.string)
  }

  /// The rows of `sql` at `url`, every value as text (or nil for NULL).
  @discardableResult
  static func execute(_ sql: String, at url: String) async throws -> [[String?]] {
    let location = try PostgresLocation(url)
    let connection = try await PostgresConnection.connect(
      configuration: try location.connectionConfiguration(timeout: .seconds(10), readOnly: false),
      id: 1, logger: Logger(label: "test"))
    do {
      let rows = try await connection.query(
        PostgresQuery(unsafeSQL: sql), logger: Logger(label: "test")
      )
      .collect()
      try await connection.close()
      return try rows.map { row in try row.makeRandomAccess().map { try $0.decode(String?.self) } }
    } catch {
      try? await connection.close()
      throw error
    }
  }

  /// Runs `scripts/postgres-test-server ARGUMENTS` and returns what it printed, without holding
  /// a thread of the test pool while it runs (initdb takes seconds).
  @discardableResult
  static func script(_ arguments: [String]) async throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: repository + "/scripts/postgres-test-server")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    let status = try await withCheckedThrowingContinuation { continuation in
      process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
      do {
        try process.run()
      } catch {
        continuation.resume(throwing: error)
      }
    }
    try #require(status == 0, "postgres-test-server \(arguments) failed")
    let data = output.fileHandleForReading.readDataToEndOfFile()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
