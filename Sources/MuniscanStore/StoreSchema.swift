import GRDB

/// The run store's tables, created and upgraded by GRDB's migrator: a new migration is appended
/// for every change, never an old one edited.
enum StoreSchema {
  /// The first migration's identifier, the same in the PostgreSQL store (`PostgresSchema`).
  static let runTables = "v1: runs, scorecards, site results, findings"

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration(runTables) { db in
      try db.create(table: "runs") { table in
        table.primaryKey("id", .text)
        table.column("sequence", .integer).notNull().unique()
        table.column("created_at", .text).notNull()
        table.column("as_of", .text).notNull()
        table.column("rule_set_id", .text).notNull()
        table.column("rule_set_version", .text).notNull()
        table.column("site_count", .integer).notNull()
        table.column("mean_total", .double).notNull()
      }
      try db.create(table: "run_scorecards") { table in
        table.primaryKey("run_id", .text).references("runs", onDelete: .cascade)
        table.column("json", .text).notNull()
      }
      try db.create(table: "site_results") { table in
        table.column("run_id", .text).notNull().references("runs", onDelete: .cascade)
        table.column("position", .integer).notNull()
        table.column("site_key", .text).notNull().indexed()
        table.column("url", .text).notNull()
        table.column("name", .text).notNull()
        table.column("rank", .integer).notNull()
        table.column("total", .double).notNull()
        table.column("band", .text).notNull()
        table.column("reachable", .boolean).notNull()
        table.primaryKey(["run_id", "position"])
      }
      try db.create(table: "findings") { table in
        table.column("run_id", .text).notNull().references("runs", onDelete: .cascade)
        table.column("position", .integer).notNull()
        table.column("site_url", .text).notNull()
        table.column("rule_id", .text).notNull().indexed()
        table.column("status", .text).notNull()
        table.column("weight", .double).notNull()
        table.primaryKey(["run_id", "position", "rule_id"])
      }
    }
    migrator.registerMigration(siteStatus) { db in
      // SQLite cannot drop NOT NULL: both tables are made anew and their rows copied.
      try db.create(table: "new_runs") { table in
        table.primaryKey("id", .text)
        table.column("sequence", .integer).notNull().unique()
        table.column("created_at", .text).notNull()
        table.column("as_of", .text).notNull()
        table.column("rule_set_id", .text).notNull()
        table.column("rule_set_version", .text).notNull()
        table.column("site_count", .integer).notNull()
        table.column("audited_count", .integer).notNull()
        table.column("mean_total", .double)
      }
      try db.create(table: "new_site_results") { table in
        table.column("run_id", .text).notNull().references("runs", onDelete: .cascade)
        table.column("position", .integer).notNull()
        table.column("site_key", .text).notNull()
        table.column("url", .text).notNull()
        table.column("name", .text).notNull()
        table.column("status", .text).notNull()
        table.column("rank", .integer)
        table.column("total", .double)
        table.column("band", .text)
        table.column("reachable", .boolean).notNull()
        table.primaryKey(["run_id", "position"])
      }
      for statement in siteStatusCopy { try db.execute(sql: statement) }
      try db.drop(table: "site_results")
      try db.drop(table: "runs")
      try db.rename(table: "new_runs", to: "runs")
      try db.rename(table: "new_site_results", to: "site_results")
      try db.create(
        index: "index_site_results_on_site_key", on: "site_results", columns: ["site_key"])
    }
    return migrator
  }

  /// The migration that gives each site its status: rank, total and band become NULL for a
  /// site that was not audited, and a run's mean is that of its audited sites.
  static let siteStatus = "v3: site status, no score for a site not audited"

  /// Copies the rows into the new tables (SQLite): a site the first schema stored as not
  /// reachable takes the kind of its stored outcome (`unreachable`, `closedByRobots`,
  /// `incomplete`) and loses the 0 it was scored.
  private static let siteStatusCopy = [
    """
    INSERT INTO new_site_results
    SELECT site_results.run_id, position, site_key, url, name,
      CASE WHEN reachable THEN 'audited' ELSE COALESCE(
        (SELECT key FROM json_each(run_scorecards.json, '$.sites[' || position || '].outcome')),
        'unreachable') END,
      CASE WHEN reachable THEN rank END, CASE WHEN reachable THEN total END,
      CASE WHEN reachable THEN band END, reachable
    FROM site_results LEFT JOIN run_scorecards ON run_scorecards.run_id = site_results.run_id
    """,
    """
    INSERT INTO new_runs
    SELECT id, sequence, created_at, as_of, rule_set_id, rule_set_version, site_count,
      (SELECT COUNT(*) FROM new_site_results WHERE run_id = runs.id AND status = 'audited'),
      (SELECT ROUND(AVG(total), 1) FROM new_site_results
        WHERE run_id = runs.id AND status = 'audited')
    FROM runs
    """,
  ]
}
