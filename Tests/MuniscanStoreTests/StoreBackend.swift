import Foundation
import GRDB
import MuniscanStore
import Testing

/// The two run stores every store test runs against.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case sqlite, postgres

  var testDescription: String { rawValue }

  /// Runs `body` with a fresh, empty store location of this backend (an SQLite file that does
  /// not exist yet, or a new PostgreSQL database), removed afterwards.
  func withLocation<T>(_ body: (StoreHarness) async throws -> T) async throws -> T {
    let harness: StoreHarness
    switch self {
    case .sqlite:
      harness = StoreHarness(backend: self, value: StoreFixtures.temporaryPath(), server: nil)
    case .postgres:
      let server = try TestServer.url()
      harness = StoreHarness(
        backend: self, value: try await TestServer.createDatabase(on: server), server: server)
    }
    do {
      let result = try await body(harness)
      await harness.remove()
      return result
    } catch {
      await harness.remove()
      throw error
    }
  }

  /// Runs `body` with a new store of this backend.
  func withStore<T>(_ body: (any RunStoring, StoreHarness) async throws -> T) async throws -> T {
    try await withLocation { harness in try await body(try await harness.open(), harness) }
  }
}

/// One test's store location: its `--store` value, and SQL straight on its database.
struct StoreHarness: Sendable {
  var backend: StoreBackend
  /// The `--store` value: a file path or a URL.
  var value: String
  /// The PostgreSQL server's maintenance URL.
  var server: String?

  /// The deadline of the tests' calls that should work: generous, since the whole suite runs
  /// at once on a small, shared machine. The deadline itself is tested with short ones.
  static let deadline = Duration.seconds(60)

  /// The value as messages show it (a URL's password as `***`).
  var shown: String { (try? RunStoreLocation(value).description) ?? value }

  /// Opens the store with `StoreHarness.deadline`.
  func open(create: Bool = true) async throws -> any RunStoring {
    try await RunStoreLocation(value).open(create: create, timeout: Self.deadline)
  }

  /// The rows of `sql`, every column as text (cast non-text columns in the query).
  @discardableResult
  func rows(_ sql: String) async throws -> [[String?]] {
    switch backend {
    case .sqlite:
      return try await DatabaseQueue(path: value).write { db in
        try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map(String.fromDatabaseValue)
        }
      }
    case .postgres:
      return try await TestServer.execute(sql, at: value)
    }
  }

  func remove() async {
    switch backend {
    case .sqlite: StoreFixtures.remove(value)
    case .postgres: await TestServer.dropDatabase(value, server: server ?? value)
    }
  }
}
