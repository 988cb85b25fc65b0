import Foundation
import Logging
import MuniscanCore
import PostgresNIO

/// The run history in a PostgreSQL database, so audits run from several machines (and the work
/// queue's workers) keep one history. The tables, run ids and answers are those of
/// `SQLiteRunStore`; only the database differs.
public final class PostgresRunStore: RunStoring {
  let database: PostgresDatabase

  /// The location as it may be shown: the URL with its password replaced by `***`.
  public var location: PostgresLocation { database.location }

  /// Connects, checks that the database is a run store (or empty) and, when `create` is true,
  /// creates or upgrades its tables. With `create` false nothing is ever written: the server is
  /// asked for read-only sessions. Every call, connecting included, fails after `timeout` with
  /// one line rather than waiting on an unreachable server. `logger` gets postgres-nio's log.
  public init(
    location: PostgresLocation, create: Bool = true, timeout: Duration = .seconds(10),
    logger: Logger = Logger(label: "muniscan.store", factory: { _ in SwiftLogNoOpLogHandler() })
  ) async throws {
    database = try await PostgresDatabase(
      location: location, readOnly: !create, timeout: timeout, logger: logger)
  }

  public func save(_ scorecard: Scorecard) async throws -> String {
    try await database.transaction { connection, logger in
      try await connection.query(
        "SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))", logger: logger)
      let id = StoredRun.id(
        for: scorecard.asOf, taken: try await Self.takenIDs(connection, logger: logger))
      try await Self.insert(
        StoredRun.rows(scorecard, id: id, sequence: 0, at: Date()), connection, logger: logger)
      return id
    }
  }

  public func runs() async throws -> [RunSummary] {
    let records = try await database.withConnection { connection, logger in
      try await connection.query("\(unescaped: Self.runColumns) ORDER BY sequence", logger: logger)
        .collect().map(Self.record)
    }
    return try records.map { try StoredRun.summary($0, store: location.description) }
  }

  public func scorecard(runID: String) async throws -> Scorecard {
    let store = location.description
    let json = try await database.withConnection { connection, logger in
      let rows = try await connection.query(
        """
        SELECT run_scorecards.json FROM runs
        LEFT JOIN run_scorecards ON run_scorecards.run_id = runs.id WHERE runs.id = \(runID)
        """, logger: logger
      ).collect()
      guard let row = rows.first else { throw StoredRun.unknownRun(runID, store: store) }
      guard let json = try row.decode(String?.self) else {
        throw StoreError("\(store): run '\(runID)' has no scorecard stored")
      }
      return json
    }
    return try StoredRun.scorecard(json: json, runID: runID, store: store)
  }

  public func previousRun(before runID: String) async throws -> RunSummary? {
    let store = location.description
    let record = try await database.withConnection { connection, logger in
      let run = try await Self.run(runID, connection, logger: logger, store: store)
      return try await connection.query(
        """
        \(unescaped: Self.runColumns)
        WHERE rule_set_id = \(run.ruleSetID) AND sequence < \(run.sequence)
        ORDER BY sequence DESC LIMIT 1
        """, logger: logger
      ).collect().first.map(Self.record)
    }
    return try record.map { try StoredRun.summary($0, store: store) }
  }

  public func trend(siteKey: String, before runID: String) async throws -> [TrendPoint] {
    let store = location.description
    let rows = try await database.withConnection { connection, logger in
      let run = try await Self.run(runID, connection, logger: logger, store: store)
      return try await connection.query(
        """
        SELECT runs.id, runs.as_of, site_results.total, site_results.rank
        FROM site_results JOIN runs ON runs.id = site_results.run_id
        WHERE site_results.site_key = \(siteKey) AND runs.rule_set_id = \(run.ruleSetID)
          AND runs.sequence < \(run.sequence) AND site_results.status = 'audited'
        ORDER BY runs.sequence, site_results.position
        """, logger: logger
      ).collect().map { try $0.decode((String, String, Double, Int).self) }
    }
    return StoredRun.trend(rows)
  }

  // MARK: - Shared with the work queue

  /// Every id taken by a stored or a queued run, so the two never share one.
  static func takenIDs(_ connection: PostgresConnection, logger: Logger) async throws -> Set<String>
  {
    Set(
      try await connection.query(
        "SELECT id FROM runs UNION ALL SELECT id FROM queue_runs", logger: logger
      ).collect().map { try $0.decode(String.self) })
  }

  /// Inserts a run's rows as the next run in sequence (whatever `rows` says), a few statements
  /// in all (the site and finding rows go in as arrays).
  static func insert(
    _ rows: StoredRun.Rows, _ connection: PostgresConnection, logger: Logger
  ) async throws {
    let id = rows.run.id
    var run = rows.run
    run.sequence =
      try await connection.query(
        "SELECT COALESCE(MAX(sequence), 0) FROM runs", logger: logger
      ).collect().first?.decode(Int.self) ?? 0
    run.sequence += 1
    try await connection.query(
      """
      INSERT INTO runs (id, sequence, created_at, as_of, rule_set_id, rule_set_version,
        site_count, audited_count, mean_total)
      VALUES (\(run.id), \(run.sequence), \(run.createdAt), \(run.asOf), \(run.ruleSetID),
        \(run.ruleSetVersion), \(run.siteCount), \(run.auditedCount), \(run.meanTotal))
      """, logger: logger)
    try await connection.query(
      "INSERT INTO run_scorecards (run_id, json) VALUES (\(id), \(rows.scorecard.json))",
      logger: logger)
    let sites = rows.sites
    // postgres-nio binds no array of optionals: a site not audited goes in as rank 0, total
    // -1 and band '', which no audited site has, and comes out NULL.
    try await connection.query(
      """
      INSERT INTO site_results (run_id, position, site_key, url, name, status, rank, total,
        band, reachable)
      SELECT \(id), position, site_key, url, name, status, NULLIF(rank, 0), NULLIF(total, -1),
        NULLIF(band, ''), reachable
      FROM unnest(\(sites.map(\.position)), \(sites.map(\.siteKey)), \(sites.map(\.url)),
        \(sites.map(\.name)), \(sites.map(\.status)), \(sites.map { $0.rank ?? 0 }),
        \(sites.map { $0.total ?? -1 }), \(sites.map { $0.band ?? "" }), \(sites.map(\.reachable)))
        AS site (position, site_key, url, name, status, rank, total, band, reachable)
      """, logger: logger)
    let findings = rows.findings
    try await connection.query(
      """
      INSERT INTO findings (run_id, position, site_url, rule_id, status, weight)
      SELECT \(id), * FROM unnest(\(findings.map(\.position)), \(findings.map(\.siteURL)),
        \(findings.map(\.ruleID)), \(findings.map(\.status)), \(findings.map(\.weight)))
      """, logger: logger)
  }

  // MARK: - Helpers

  private static let runColumns = """
    SELECT id, sequence, created_at, as_of, rule_set_id, rule_set_version, site_count,
      audited_count, mean_total
    FROM runs
    """

  private static func record(_ row: PostgresRow) throws -> RunRecord {
    let (
      id, sequence, createdAt, asOf, ruleSetID, ruleSetVersion, siteCount, auditedCount, meanTotal
    ) = try row.decode((String, Int, String, String, String, String, Int, Int, Double?).self)
    return RunRecord(
      id: id, sequence: sequence, createdAt: createdAt, asOf: asOf, ruleSetID: ruleSetID,
      ruleSetVersion: ruleSetVersion, siteCount: siteCount, auditedCount: auditedCount,
      meanTotal: meanTotal)
  }

  private static func run(
    _ runID: String, _ connection: PostgresConnection, logger: Logger, store: String
  ) async throws -> RunRecord {
    let rows = try await connection.query(
      "\(unescaped: runColumns) WHERE id = \(runID)", logger: logger
    ).collect()
    guard let row = rows.first else { throw StoredRun.unknownRun(runID, store: store) }
    return try record(row)
  }
}
