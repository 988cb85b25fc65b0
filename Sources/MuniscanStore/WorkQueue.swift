import Foundation
import Logging
import MuniscanCore
import PostgresNIO

/// The work queue in a PostgreSQL run store, so workers on many machines can come and go
/// without a coordinator: a queued run is split into tasks (one per host group, so one worker
/// owns a host and keeps its politeness); a worker claims a task with `SELECT … FOR UPDATE SKIP
/// LOCKED` under a lease (a token and an expiry, by the server's clock), renews it while it
/// works, and completes it in one transaction that stores its site results only if the token
/// still holds. So each site ends with exactly one stored result even when a worker dies, stalls
/// past its lease, or the same task is started twice. Expired leases are taken over; a task
/// whose attempts are used up is `failed` with its reason. When every task is done or failed,
/// `outcome` hands the results to the caller, which ranks them (the evaluator's job) and
/// stores the scorecard under the queued run's id with `finish`.
public final class WorkQueue: Sendable {
  private let database: PostgresDatabase
  private var store: String { database.location.description }

  /// The queue of the store's database; they share its connections.
  public init(store: PostgresRunStore) {
    database = store.database
  }

  /// Creates a queued run of one task per group of `groups` (a site may be in one group only)
  /// and returns its id, an audit-date id like a stored run's, never the id of another run.
  /// `options` is the caller's JSON, handed to every worker with its lease. A task is failed
  /// after `maxAttempts` claims that did not complete it.
  public func enqueue(asOf: Day, options: Data, groups: [[Site]], maxAttempts: Int = 3)
    async throws -> String
  {
    guard maxAttempts > 0 else { throw StoreError("\(store): maxAttempts must be at least 1") }
    var seen: Set<String> = []
    for site in groups.joined() where !seen.insert(site.url).inserted {
      throw StoreError("\(store): \(site.url) is in more than one task")
    }
    if groups.contains(where: \.isEmpty) { throw StoreError("\(store): a task has no sites") }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let sites = try groups.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
    let numbers = Array(groups.indices)
    let optionsText = String(decoding: options, as: UTF8.self)
    return try await database.transaction { connection, logger in
      try await connection.query(
        "SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))", logger: logger)
      let id = StoredRun.id(
        for: asOf,
        taken: try await PostgresRunStore.takenIDs(connection, logger: logger))
      try await connection.query(
        """
        INSERT INTO queue_runs (id, created_at, as_of, options, max_attempts)
        VALUES (\(id), \(StoredRun.timestamp(Date())), \(asOf.description),
          \(optionsText)::json, \(maxAttempts))
        """, logger: logger)
      try await connection.query(
        """
        INSERT INTO queue_tasks (run_id, number, sites)
        SELECT \(id), number, sites::json FROM unnest(\(numbers), \(sites)) AS t(number, sites)
        """, logger: logger)
      return id
    }
  }

  /// Claims the oldest task that is pending or whose lease expired, for `lease`, or returns nil
  /// when there is none. Tasks whose last lease expired with their attempts used up are failed
  /// first. `worker` names the claimant in the task's row and in failure reasons.
  public func claim(worker: String, lease: Duration) async throws -> QueueLease? {
    let token = UUID()
    let seconds = Double(lease.components.seconds) + Double(lease.components.attoseconds) / 1e18
    let row = try await database.withConnection { connection, logger in
      try await Self.failExhausted(connection, runID: nil, logger: logger)
      return try await connection.query(
        """
        UPDATE queue_tasks AS t
        SET state = 'leased', lease_token = \(token), lease_seconds = \(seconds),
          lease_expires = clock_timestamp() + make_interval(secs => \(seconds)),
          attempts = t.attempts + 1, worker = \(worker)
        FROM queue_runs AS r
        WHERE r.id = t.run_id AND t.id = (
          SELECT c.id FROM queue_tasks AS c JOIN queue_runs AS cr ON cr.id = c.run_id
          WHERE (c.state = 'pending'
              OR (c.state = 'leased' AND c.lease_expires <= clock_timestamp()))
            AND c.attempts < cr.max_attempts
          ORDER BY c.id LIMIT 1
          FOR UPDATE OF c SKIP LOCKED)
        RETURNING t.run_id, t.number, t.sites::text, r.options::text, t.attempts, t.lease_expires
        """, logger: logger
      ).collect().first?.decode((String, Int, String, String, Int, Date).self)
    }
    guard let (runID, task, sites, options, attempt, expires) = row else { return nil }
    return QueueLease(
      token: token, runID: runID, task: task, sites: try decodeSites(sites),
      options: Data(options.utf8),
      attempt: attempt, expires: expires)
  }

  /// Extends the lease by its length from now (the heartbeat of a working worker); throws
  /// `QueueError.leaseLost` when the token no longer holds.
  public func renew(token: UUID) async throws {
    try await changeLease(
      token,
      "SET lease_expires = clock_timestamp() + make_interval(secs => lease_seconds)")
  }

  /// Stores the task's site results (one per site of the task) and marks it done, in one
  /// transaction that succeeds only while the token holds: otherwise it throws
  /// `QueueError.leaseLost` and stores nothing.
  public func complete(token: UUID, results: [SiteResult]) async throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = try results.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
    let urls = results.map(\.site.url)
    let store = self.store
    try await database.transaction { connection, logger in
      let row = try await connection.query(
        """
        UPDATE queue_tasks
        SET state = 'done', lease_token = NULL, lease_expires = NULL, reason = NULL
        WHERE lease_token = \(token) AND lease_expires > clock_timestamp()
        RETURNING id, sites::text
        """, logger: logger
      ).collect().first?.decode((Int, String).self)
      guard let (taskID, sites) = row else { throw QueueError.leaseLost(token: token) }
      let positions = try Self.positions(
        of: urls, in: try decodeSites(sites).map(\.url), store: store)
      try await connection.query(
        """
        INSERT INTO queue_results (task_id, position, url, json)
        SELECT \(taskID), position, url, json::json
        FROM unnest(\(positions), \(urls), \(json)) AS r(position, url, json)
        """, logger: logger)
    }
  }

  /// Gives the task back to the queue unfinished, as a worker told to stop (SIGTERM) does; the
  /// claim does not count as an attempt. Throws `QueueError.leaseLost` when the token no
  /// longer holds.
  public func release(token: UUID) async throws {
    try await changeLease(
      token,
      """
      SET state = 'pending', lease_token = NULL, lease_expires = NULL, attempts = attempts - 1
      """)
  }

  /// Gives the task up with `reason`: back to the queue for another attempt, or `failed` with
  /// the reason once its attempts are used up. Throws `QueueError.leaseLost` when the token no
  /// longer holds.
  @discardableResult
  public func fail(token: UUID, reason: String) async throws -> QueueTaskState {
    let state = try await database.withConnection { connection, logger in
      try await connection.query(
        """
        UPDATE queue_tasks AS t
        SET state = CASE WHEN t.attempts >= r.max_attempts THEN 'failed' ELSE 'pending' END,
          lease_token = NULL, lease_expires = NULL, reason = \(reason)
        FROM queue_runs AS r
        WHERE r.id = t.run_id AND t.lease_token = \(token) AND t.lease_expires > clock_timestamp()
        RETURNING t.state
        """, logger: logger
      ).collect().first?.decode(String.self)
    }
    guard let state, let known = QueueTaskState(rawValue: state) else {
      throw QueueError.leaseLost(token: token)
    }
    return known
  }

  /// The run's tasks by state; throws for an unknown run.
  public func progress(runID: String) async throws -> QueueProgress {
    guard let run = try await runs(only: runID).first else { throw unknownRun(runID) }
    return run.progress
  }

  /// Whether every task of the run is done or failed (a lease that expired on its last attempt
  /// counts as failed), as `QueueProgress.isFinished` says, but cheap enough to ask after every
  /// task: it stops at the first open task instead of counting them all. A run without tasks
  /// (or an unknown one) is drained.
  public func isDrained(runID: String) async throws -> Bool {
    try await database.withConnection { connection, logger in
      try await connection.query(
        """
        SELECT NOT EXISTS (
          SELECT 1 FROM queue_tasks AS t JOIN queue_runs AS r ON r.id = t.run_id
          WHERE t.run_id = \(runID) AND (t.state = 'pending' OR (t.state = 'leased'
            AND (t.lease_expires > clock_timestamp() OR t.attempts < r.max_attempts))))
        """, logger: logger
      ).collect().first?.decode(Bool.self) ?? false
    }
  }

  /// Every queued run with its progress, oldest first.
  public func runs() async throws -> [QueuedRun] {
    try await runs(only: nil)
  }

  /// The results of a run whose tasks are all done or failed, for the caller to rank; throws a
  /// `StoreError` while tasks are pending or leased.
  public func outcome(runID: String) async throws -> QueueOutcome {
    let store = self.store
    let (run, results, failures) = try await database.withConnection { connection, logger in
      try await Self.failExhausted(connection, runID: runID, logger: logger)
      let run = try await connection.query(
        "SELECT as_of, options::text FROM queue_runs WHERE id = \(runID)", logger: logger
      ).collect().first?.decode((String, String).self)
      let results = try await connection.query(
        """
        SELECT r.json::text FROM queue_results AS r JOIN queue_tasks AS t ON t.id = r.task_id
        WHERE t.run_id = \(runID) ORDER BY t.number, r.position
        """, logger: logger
      ).collect().map { try $0.decode(String.self) }
      let failures = try await connection.query(
        """
        SELECT sites::text, COALESCE(reason, '') FROM queue_tasks
        WHERE run_id = \(runID) AND state = 'failed' ORDER BY number
        """, logger: logger
      ).collect().map { try $0.decode((String, String).self) }
      return (run, results, failures)
    }
    guard let (asOf, options) = run, let day = Day(iso: asOf) else { throw unknownRun(runID) }
    let progress = try await progress(runID: runID)
    guard progress.isFinished else {
      throw StoreError(
        "\(store): queued run '\(runID)' is not finished (\(progress.pending) tasks pending, "
          + "\(progress.leased) leased)")
    }
    let decoder = JSONDecoder()
    return QueueOutcome(
      runID: runID, asOf: day, options: Data(options.utf8),
      results: try results.map { try decoder.decode(SiteResult.self, from: Data($0.utf8)) },
      failures: try failures.map { sites, reason in
        QueueOutcome.Failure(sites: try decodeSites(sites), reason: reason)
      })
  }

  /// Stores the ranked scorecard of a finished queued run as a run under the queued run's id,
  /// so it is listed, reported and compared like any other; once only.
  public func finish(runID: String, scorecard: Scorecard) async throws {
    let store = self.store
    // Encoded before the call: the store's thread only talks to the server.
    let rows = try StoredRun.rows(scorecard, id: runID, sequence: 0, at: Date())
    try await database.transaction { connection, logger in
      try await connection.query(
        "SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))", logger: logger)
      let row = try await connection.query(
        """
        SELECT finished_at IS NOT NULL,
          (SELECT count(*) FROM queue_tasks
            WHERE run_id = \(runID) AND (state = 'pending'
              OR (state = 'leased' AND lease_expires > clock_timestamp())))
        FROM queue_runs WHERE id = \(runID) FOR UPDATE
        """, logger: logger
      ).collect().first?.decode((Bool, Int).self)
      guard let (stored, open) = row else {
        throw StoreError("\(store): no queued run '\(runID)'")
      }
      guard !stored else { throw StoreError("\(store): queued run '\(runID)' is already stored") }
      guard open == 0 else {
        throw StoreError("\(store): queued run '\(runID)' is not finished (\(open) tasks open)")
      }
      try await PostgresRunStore.insert(rows, connection, logger: logger)
      try await connection.query(
        "UPDATE queue_runs SET finished_at = now() WHERE id = \(runID)", logger: logger)
    }
  }

  // MARK: - Helpers

  /// Applies `change` (an SQL `SET …` clause) to the task the token holds; throws
  /// `QueueError.leaseLost` when it holds none.
  private func changeLease(_ token: UUID, _ change: String) async throws {
    let changed = try await database.withConnection { connection, logger in
      try await connection.query(
        """
        UPDATE queue_tasks \(unescaped: change)
        WHERE lease_token = \(token) AND lease_expires > clock_timestamp() RETURNING id
        """, logger: logger
      ).collect().count
    }
    guard changed == 1 else { throw QueueError.leaseLost(token: token) }
  }

  private func runs(only runID: String?) async throws -> [QueuedRun] {
    let rows = try await database.withConnection { connection, logger in
      try await connection.query(
        """
        SELECT r.id, r.created_at, r.as_of, r.finished_at IS NOT NULL,
          count(t.id) FILTER (WHERE t.state = 'pending' OR (t.state = 'leased'
            AND t.lease_expires <= clock_timestamp() AND t.attempts < r.max_attempts)),
          count(t.id) FILTER (WHERE t.state = 'leased' AND t.lease_expires > clock_timestamp()),
          count(t.id) FILTER (WHERE t.state = 'done'),
          count(t.id) FILTER (WHERE t.state = 'failed' OR (t.state = 'leased'
            AND t.lease_expires <= clock_timestamp() AND t.attempts >= r.max_attempts))
        FROM queue_runs AS r LEFT JOIN queue_tasks AS t ON t.run_id = r.id
        WHERE \(runID)::text IS NULL OR r.id = \(runID)
        GROUP BY r.id ORDER BY r.created_at, r.id
        """, logger: logger
      ).collect().map { try $0.decode((String, String, String, Bool, Int, Int, Int, Int).self) }
    }
    return rows.compactMap { id, createdAt, asOf, stored, pending, leased, done, failed in
      Day(iso: asOf).map { day in
        QueuedRun(
          id: id, createdAt: createdAt, asOf: day,
          progress: QueueProgress(pending: pending, leased: leased, done: done, failed: failed),
          isStored: stored)
      }
    }
  }

  /// Fails the tasks (of one run, or of all) whose lease expired on their last attempt: their
  /// holder died or stalled each time.
  private static func failExhausted(
    _ connection: PostgresConnection, runID: String?, logger: Logger
  ) async throws {
    try await connection.query(
      """
      UPDATE queue_tasks AS t
      SET state = 'failed', lease_token = NULL, lease_expires = NULL,
        reason = 'the lease expired on attempt ' || t.attempts || ' of ' || r.max_attempts
          || COALESCE(' (worker ' || t.worker || ')', '')
          || COALESCE('; before: ' || t.reason, '')
      FROM queue_runs AS r
      WHERE r.id = t.run_id AND t.id IN (
        SELECT c.id FROM queue_tasks AS c JOIN queue_runs AS cr ON cr.id = c.run_id
        WHERE c.state = 'leased' AND c.lease_expires <= clock_timestamp()
          AND c.attempts >= cr.max_attempts AND (\(runID)::text IS NULL OR c.run_id = \(runID))
        FOR UPDATE OF c SKIP LOCKED)
      """, logger: logger)
  }

  /// Where each result goes among the task's sites, matched by URL; throws when the results are
  /// not exactly one per site.
  private static func positions(of urls: [String], in sites: [String], store: String) throws
    -> [Int]
  {
    var open = Dictionary(grouping: sites.indices, by: { sites[$0] })
    var positions: [Int] = []
    var unexpected: [String] = []
    for url in urls {
      if let position = open[url]?.first {
        open[url]?.removeFirst()
        positions.append(position)
      } else {
        unexpected.append(url)
      }
    }
    let missing = sites.indices.filter { index in open[sites[index]]?.contains(index) == true }
      .map { sites[$0] }
    guard missing.isEmpty, unexpected.isEmpty else {
      throw StoreError(
        "\(store): the results do not match the task's sites (missing: "
          + "\(missing.joined(separator: ", ")); unexpected: \(unexpected.joined(separator: ", ")))"
      )
    }
    return positions
  }

  private func unknownRun(_ runID: String) -> StoreError {
    StoreError("\(store): no queued run '\(runID)'")
  }
}

/// The sites of a task, from the JSON they are stored as.
private func decodeSites(_ json: String) throws -> [Site] {
  try JSONDecoder().decode([Site].self, from: Data(json.utf8))
}
