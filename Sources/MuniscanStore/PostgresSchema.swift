import Logging
import PostgresNIO

/// The run store's tables in PostgreSQL: the same tables and columns as the SQLite store's
/// (`StoreSchema`), and the work queue's, created and upgraded by versioned migrations recorded
/// in `schema_migrations`, as GRDB records them in `grdb_migrations`. A new migration is appended
/// for every change, never an old one edited.
enum PostgresSchema {
  /// The migrations in order: an identifier and its statements.
  static let migrations: [(identifier: String, statements: [String])] = [
    (
      StoreSchema.runTables,
      [
        """
        CREATE TABLE runs (
          id text PRIMARY KEY, sequence bigint NOT NULL UNIQUE, created_at text NOT NULL,
          as_of text NOT NULL, rule_set_id text NOT NULL, rule_set_version text NOT NULL,
          site_count bigint NOT NULL, mean_total double precision NOT NULL)
        """,
        """
        CREATE TABLE run_scorecards (
          run_id text PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE, json text NOT NULL)
        """,
        """
        CREATE TABLE site_results (
          run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          position bigint NOT NULL, site_key text NOT NULL, url text NOT NULL, name text NOT NULL,
          rank bigint NOT NULL, total double precision NOT NULL, band text NOT NULL,
          reachable boolean NOT NULL, PRIMARY KEY (run_id, position))
        """,
        "CREATE INDEX index_site_results_on_site_key ON site_results (site_key)",
        """
        CREATE TABLE findings (
          run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          position bigint NOT NULL, site_url text NOT NULL, rule_id text NOT NULL,
          status text NOT NULL, weight double precision NOT NULL,
          PRIMARY KEY (run_id, position, rule_id))
        """,
        "CREATE INDEX index_findings_on_rule_id ON findings (rule_id)",
      ]
    ),
    (
      "v2: work queue",
      [
        """
        CREATE TABLE queue_runs (
          id text PRIMARY KEY, created_at text NOT NULL, as_of text NOT NULL,
          options json NOT NULL, max_attempts integer NOT NULL CHECK (max_attempts > 0),
          finished_at timestamptz)
        """,
        """
        CREATE TABLE queue_tasks (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          run_id text NOT NULL REFERENCES queue_runs (id) ON DELETE CASCADE,
          number integer NOT NULL, sites json NOT NULL,
          state text NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'leased', 'done', 'failed')),
          attempts integer NOT NULL DEFAULT 0, lease_token uuid UNIQUE,
          lease_expires timestamptz, lease_seconds double precision, worker text, reason text,
          UNIQUE (run_id, number),
          CHECK ((state = 'leased') = (lease_token IS NOT NULL AND lease_expires IS NOT NULL)))
        """,
        // Claims take the oldest open task; take-overs and failures look for expired leases.
        """
        CREATE INDEX index_queue_tasks_open ON queue_tasks (id)
          WHERE state IN ('pending', 'leased')
        """,
        """
        CREATE INDEX index_queue_tasks_leases ON queue_tasks (lease_expires)
          WHERE state = 'leased'
        """,
        """
        CREATE TABLE queue_results (
          task_id bigint NOT NULL REFERENCES queue_tasks (id) ON DELETE CASCADE,
          position integer NOT NULL, url text NOT NULL, json json NOT NULL,
          PRIMARY KEY (task_id, position))
        """,
      ]
    ),
    (
      // As `StoreSchema.siteStatus`: a site stored as not reachable takes the kind of its
      // stored outcome and loses its 0; a run's mean is that of its audited sites.
      StoreSchema.siteStatus,
      [
        """
        ALTER TABLE site_results ADD COLUMN status text NOT NULL DEFAULT 'audited',
          ALTER COLUMN rank DROP NOT NULL, ALTER COLUMN total DROP NOT NULL,
          ALTER COLUMN band DROP NOT NULL
        """,
        """
        UPDATE site_results SET rank = NULL, total = NULL, band = NULL,
          status = COALESCE((
            SELECT jsonb_object_keys(run_scorecards.json::jsonb -> 'sites' -> site_results.position::int
              -> 'outcome') FROM run_scorecards WHERE run_scorecards.run_id = site_results.run_id
            LIMIT 1), 'unreachable')
        WHERE NOT reachable
        """,
        "ALTER TABLE site_results ALTER COLUMN status DROP DEFAULT",
        """
        ALTER TABLE runs ADD COLUMN audited_count bigint NOT NULL DEFAULT 0,
          ALTER COLUMN mean_total DROP NOT NULL
        """,
        """
        UPDATE runs SET
          audited_count = (SELECT COUNT(*) FROM site_results
            WHERE run_id = runs.id AND status = 'audited'),
          mean_total = (SELECT round(avg(total)::numeric, 1)::double precision FROM site_results
            WHERE run_id = runs.id AND status = 'audited')
        """,
        "ALTER TABLE runs ALTER COLUMN audited_count DROP DEFAULT",
      ]
    ),
  ]

  /// The tables muniscan makes: a database holding one of them without `schema_migrations` was
  /// written by something else.
  private static let tables = [
    "runs", "run_scorecards", "site_results", "findings", "queue_runs", "queue_tasks",
    "queue_results",
  ]

  /// The key of the advisory lock that serialises migrations and the choice of new run ids.
  static let lockKey = 0x6D75_6E69_7363_616E  // "muniscan"

  /// Checks that the database is a run store of this muniscan or an empty one, and, unless
  /// `readOnly`, creates or upgrades its tables in one transaction (several muniscans opening
  /// the same database at once take turns). Read-only, a database without the tables is an
  /// error and nothing is written.
  static func prepare(
    _ connection: PostgresConnection, readOnly: Bool, store: String, logger: Logger
  ) async throws {
    if readOnly {
      try await check(connection, readOnly: true, store: store, logger: logger)
      return
    }
    try await connection.withTransaction(logger: logger) { connection in
      try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
      let applied = try await check(connection, readOnly: false, store: store, logger: logger)
      if applied == nil {
        try await connection.query(
          """
          CREATE TABLE schema_migrations (
            identifier text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
          """, logger: logger)
      }
      for migration in migrations where applied?.contains(migration.identifier) != true {
        for statement in migration.statements {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        try await connection.query(
          "INSERT INTO schema_migrations (identifier) VALUES (\(migration.identifier))",
          logger: logger)
      }
    }
  }

  /// The migrations applied so far, or nil for a database without `schema_migrations`; throws
  /// for a database that is not a run store, or one written by a newer muniscan.
  @discardableResult
  private static func check(
    _ connection: PostgresConnection, readOnly: Bool, store: String, logger: Logger
  ) async throws -> Set<String>? {
    let present = try await connection.query(
      """
      SELECT table_name::text FROM information_schema.tables
      WHERE table_schema = current_schema()
        AND table_name::text = ANY(\(tables + ["schema_migrations"]))
      """, logger: logger
    ).collect().map { try $0.decode(String.self) }
    guard present.contains("schema_migrations") else {
      if let foreign = present.first {
        throw StoreError(
          "\(store): the database has a '\(foreign)' table that muniscan did not make, "
            + "not a run store")
      }
      if readOnly { throw StoreError("\(store): no such run store") }
      return nil
    }
    let applied = try await connection.query(
      "SELECT identifier FROM schema_migrations", logger: logger
    ).collect().map { try $0.decode(String.self) }
    let known = Set(migrations.map(\.identifier))
    guard applied.allSatisfy(known.contains) else {
      throw StoreError("\(store): written by a newer muniscan; upgrade muniscan to read it")
    }
    return Set(applied)
  }
}
