import Foundation
import GRDB
import MuniscanCore

/// The run history in one SQLite file (through GRDB, in WAL mode so reports can read while a
/// run is being stored). Run ids are the audit date, with `-2`, `-3`, … for further runs of
/// the same date: readable, sortable, and the same for the same inputs.
public final class SQLiteRunStore: RunStoring {
  /// The file, as given.
  public let path: String
  private let database: DatabasePool

  /// Opens the store at `path`, creating the file when it is missing and `create` is true,
  /// and brings its tables up to date. With `create` false the file is opened read-only and
  /// never written. Throws a `StoreError` naming the file when it is not a run store.
  public init(path: String, create: Bool = true) throws {
    self.path = path
    if !create, !FileManager.default.fileExists(atPath: path) {
      throw StoreError("\(path): no such run store")
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    configuration.readonly = !create
    do {
      database = try DatabasePool(path: path, configuration: configuration)
      if create {
        try database.write { db in try Self.checkOwnership(db, path: path) }
        try StoreSchema.migrator.migrate(database)
      } else {
        try database.read { db in try Self.checkOwnership(db, path: path) }
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.describe(error, path: path)
    }
  }

  /// Refuses SQLite files that another program made, and files from a newer muniscan.
  private static func checkOwnership(_ db: Database, path: String) throws {
    let tables = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    guard !tables.isEmpty else { return }
    guard tables.contains("grdb_migrations"), tables.contains(RunRecord.databaseTableName) else {
      throw StoreError("\(path): an SQLite database without muniscan's run tables, not a run store")
    }
    if try StoreSchema.migrator.hasBeenSuperseded(db) {
      throw StoreError("\(path): written by a newer muniscan; upgrade muniscan to read it")
    }
  }

  public func save(_ scorecard: Scorecard) async throws -> String {
    try await access {
      try await database.write { db in
        let taken = try String.fetchSet(db, sql: "SELECT id FROM runs")
        let id = StoredRun.id(for: scorecard.asOf, taken: taken)
        let sequence = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM runs") ?? 0
        let rows = try StoredRun.rows(scorecard, id: id, sequence: sequence + 1, at: Date())
        try rows.run.insert(db)
        try rows.scorecard.insert(db)
        for site in rows.sites { try site.insert(db) }
        for finding in rows.findings { try finding.insert(db) }
        return id
      }
    }
  }

  public func runs() async throws -> [RunSummary] {
    let records = try await access {
      try await database.read { db in try RunRecord.order(Column("sequence")).fetchAll(db) }
    }
    return try records.map { try StoredRun.summary($0, store: path) }
  }

  public func scorecard(runID: String) async throws -> Scorecard {
    let json = try await access {
      try await database.read { db -> String in
        guard try RunRecord.exists(db, key: runID) else {
          throw StoredRun.unknownRun(runID, store: path)
        }
        guard let record = try ScorecardRecord.fetchOne(db, key: runID) else {
          throw StoreError("\(path): run '\(runID)' has no scorecard stored")
        }
        return record.json
      }
    }
    return try StoredRun.scorecard(json: json, runID: runID, store: path)
  }

  public func previousRun(before runID: String) async throws -> RunSummary? {
    let previous = try await access {
      try await database.read { db in
        let run = try Self.record(db, runID, store: path)
        return try RunRecord.filter(Column("rule_set_id") == run.ruleSetID)
          .filter(Column("sequence") < run.sequence)
          .order(Column("sequence").desc)
          .fetchOne(db)
      }
    }
    return try previous.map { try StoredRun.summary($0, store: path) }
  }

  public func trend(siteKey: String, before runID: String) async throws -> [TrendPoint] {
    let rows = try await access {
      try await database.read { db in
        let run = try Self.record(db, runID, store: path)
        return try Row.fetchAll(
          db,
          sql: """
            SELECT runs.id, runs.as_of, site_results.total, site_results.rank
            FROM site_results JOIN runs ON runs.id = site_results.run_id
            WHERE site_results.site_key = ? AND runs.rule_set_id = ? AND runs.sequence < ?
              AND site_results.status = 'audited'
            ORDER BY runs.sequence, site_results.position
            """,
          arguments: [siteKey, run.ruleSetID, run.sequence]
        ).map { row -> (String, String, Double, Int) in
          (row["id"], row["as_of"], row["total"], row["rank"])
        }
      }
    }
    return StoredRun.trend(rows)
  }

  // MARK: - Helpers

  private static func record(_ db: Database, _ runID: String, store: String) throws -> RunRecord {
    guard let run = try RunRecord.fetchOne(db, key: runID) else {
      throw StoredRun.unknownRun(runID, store: store)
    }
    return run
  }

  /// Runs a database access, turning SQLite errors into one line naming the file.
  private func access<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.describe(error, path: path)
    }
  }

  private static func describe(_ error: Error, path: String) -> StoreError {
    guard let error = error as? DatabaseError else {
      return StoreError("\(path): \(error)")
    }
    switch error.resultCode {
    case .SQLITE_NOTADB:
      return StoreError("\(path): not a run store (not an SQLite database)")
    case .SQLITE_CORRUPT:
      return StoreError("\(path): the run store is damaged (\(error.message ?? "corrupt"))")
    case .SQLITE_CANTOPEN:
      return StoreError("\(path): cannot open the run store (\(error.message ?? "unable to open"))")
    default:
      return StoreError("\(path): \(error.message ?? "\(error.resultCode)")")
    }
  }
}
