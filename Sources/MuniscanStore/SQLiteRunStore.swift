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
  /// and brings its tables up to date. Throws a `StoreError` naming the file when it is not a
  /// run store.
  public init(path: String, create: Bool = true) throws {
    self.path = path
    if !create, !FileManager.default.fileExists(atPath: path) {
      throw StoreError("\(path): no such run store")
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    do {
      database = try DatabasePool(path: path, configuration: configuration)
      try database.write { db in try Self.checkOwnership(db, path: path) }
      try StoreSchema.migrator.migrate(database)
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

  public func save(_ scorecard: Scorecard) throws -> String {
    try access {
      try database.write { db in
        let id = try Self.newRunID(db, asOf: scorecard.asOf)
        var stored = scorecard
        stored.runID = id
        stored.comparison = nil
        for index in stored.sites.indices { stored.sites[index].trend = nil }
        let sequence = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM runs") ?? 0
        let totals = stored.sites.map(\.total)
        try RunRecord(
          id: id, sequence: sequence + 1, createdAt: Self.timestamp(Date()),
          asOf: stored.asOf.description, ruleSetID: stored.ruleSetID,
          ruleSetVersion: stored.ruleSetVersion, siteCount: stored.sites.count,
          meanTotal: Self.mean(totals)
        ).insert(db)
        try ScorecardRecord(runID: id, json: try Self.encode(stored)).insert(db)
        for (position, result) in stored.sites.enumerated() {
          try SiteResultRecord(
            runID: id, position: position, siteKey: result.site.historyKey, url: result.site.url,
            name: result.site.name, rank: result.rank, total: result.total,
            band: result.band.rawValue, reachable: result.outcome.isReachable
          ).insert(db)
          for finding in result.findings {
            try FindingRecord(
              runID: id, position: position, siteURL: result.site.url, ruleID: finding.ruleID,
              status: finding.status.rawValue, weight: finding.weight
            ).insert(db)
          }
        }
        return id
      }
    }
  }

  public func runs() throws -> [RunSummary] {
    try access {
      try database.read { db in
        try RunRecord.order(Column("sequence")).fetchAll(db).map { try summary($0) }
      }
    }
  }

  public func scorecard(runID: String) throws -> Scorecard {
    let json = try access {
      try database.read { db -> String in
        guard try RunRecord.exists(db, key: runID) else { throw unknownRun(runID) }
        guard let record = try ScorecardRecord.fetchOne(db, key: runID) else {
          throw StoreError("\(path): run '\(runID)' has no scorecard stored")
        }
        return record.json
      }
    }
    do {
      var scorecard = try JSONDecoder().decode(Scorecard.self, from: Data(json.utf8))
      scorecard.runID = runID
      return scorecard
    } catch {
      throw StoreError("\(path): the scorecard of run '\(runID)' cannot be read (\(error))")
    }
  }

  public func previousRun(before runID: String) throws -> RunSummary? {
    try access {
      try database.read { db in
        let run = try record(db, runID)
        return try RunRecord.filter(Column("rule_set_id") == run.ruleSetID)
          .filter(Column("sequence") < run.sequence)
          .order(Column("sequence").desc)
          .fetchOne(db)
          .map { try summary($0) }
      }
    }
  }

  public func trend(siteKey: String, before runID: String) throws -> [TrendPoint] {
    try access {
      try database.read { db in
        let run = try record(db, runID)
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT runs.id, runs.as_of, site_results.total, site_results.rank
            FROM site_results JOIN runs ON runs.id = site_results.run_id
            WHERE site_results.site_key = ? AND runs.rule_set_id = ? AND runs.sequence < ?
            ORDER BY runs.sequence, site_results.position
            """,
          arguments: [siteKey, run.ruleSetID, run.sequence])
        var seen: Set<String> = []
        return rows.compactMap { row -> TrendPoint? in
          let id: String = row["id"]
          guard seen.insert(id).inserted, let asOf = Day(iso: row["as_of"]) else { return nil }
          return TrendPoint(runID: id, asOf: asOf, total: row["total"], rank: row["rank"])
        }
      }
    }
  }

  // MARK: - Helpers

  private func record(_ db: Database, _ runID: String) throws -> RunRecord {
    guard let run = try RunRecord.fetchOne(db, key: runID) else { throw unknownRun(runID) }
    return run
  }

  private func unknownRun(_ runID: String) -> StoreError {
    StoreError("\(path): no run '\(runID)' (see 'muniscan runs list --store \(path)')")
  }

  private func summary(_ record: RunRecord) throws -> RunSummary {
    guard let asOf = Day(iso: record.asOf) else {
      throw StoreError("\(path): run '\(record.id)' has a malformed audit date '\(record.asOf)'")
    }
    return RunSummary(
      id: record.id, createdAt: record.createdAt, asOf: asOf,
      ruleSetID: record.ruleSetID, ruleSetVersion: record.ruleSetVersion,
      siteCount: record.siteCount, meanTotal: record.meanTotal)
  }

  /// Runs a database access, turning SQLite errors into one line naming the file.
  private func access<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
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

  /// The audit date, or the date with the first free suffix `-2`, `-3`, ….
  private static func newRunID(_ db: Database, asOf: Day) throws -> String {
    let base = asOf.description
    var candidate = base
    var suffix = 1
    while try RunRecord.exists(db, key: candidate) {
      suffix += 1
      candidate = "\(base)-\(suffix)"
    }
    return candidate
  }

  /// The mean to one decimal, as totals are given.
  private static func mean(_ totals: [Double]) -> Double {
    totals.isEmpty ? 0 : (totals.reduce(0, +) / Double(totals.count) * 10).rounded() / 10
  }

  private static func encode(_ scorecard: Scorecard) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(scorecard), as: UTF8.self)
  }

  private static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
