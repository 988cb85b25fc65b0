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
    return migrator
  }
}
