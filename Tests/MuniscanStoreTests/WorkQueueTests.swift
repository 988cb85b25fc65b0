import Foundation
import MuniscanCore
import MuniscanStore
import Testing

/// The work queue against a real PostgreSQL server: leases, take-overs, attempts, and exactly
/// one stored result per site.
@Suite struct WorkQueueTests {
  let options = Data(#"{"delay":1,"maxPages":300}"#.utf8)

  @Test func tasksAreClaimedInOrderWithTheirSitesAndOptions() async throws {
    try await withQueue { queue, _, _ in
      let runID = try await queue.enqueue(
        asOf: Self.day, options: options, groups: Self.groups(3, sitesEach: 2))
      #expect(runID == "2026-11-20")
      #expect(
        try await queue.progress(runID: runID) == .init(pending: 3, leased: 0, done: 0, failed: 0))
      let lease = try #require(try await queue.claim(worker: "w1", lease: .seconds(60)))
      #expect(lease.runID == runID)
      #expect(lease.task == 0)
      #expect(lease.sites.map(\.url) == ["https://s0-0.ee/", "https://s0-1.ee/"])
      #expect(lease.options == options)
      #expect(lease.attempt == 1)
      #expect(lease.expires > Date().addingTimeInterval(50))
      #expect(try await queue.claim(worker: "w2", lease: .seconds(60))?.task == 1)
      #expect(
        try await queue.progress(runID: runID) == .init(pending: 1, leased: 2, done: 0, failed: 0))
      let runs = try await queue.runs()
      #expect(runs.map(\.id) == [runID])
      #expect(runs.first?.isStored == false)
    }
  }

  @Test func concurrentClaimsNeverHandOneTaskToTwoHolders() async throws {
    try await withQueue { queue, _, harness in
      let runID = try await queue.enqueue(
        asOf: Self.day, options: options, groups: Self.groups(60, sitesEach: 2))
      // Eight claimants on two connection pools, as workers on two machines.
      let second = WorkQueue(
        store: try await PostgresRunStore(
          location: PostgresLocation(harness.value), timeout: StoreHarness.deadline))
      let claimed = try await withThrowingTaskGroup(of: [Int].self) { group in
        for worker in 0..<8 {
          let queue = worker.isMultiple(of: 2) ? queue : second
          group.addTask {
            var tasks: [Int] = []
            while let lease = try await queue.claim(worker: "w\(worker)", lease: .seconds(60)) {
              tasks.append(lease.task)
              try await queue.complete(token: lease.token, results: lease.sites.map(Self.result))
            }
            return tasks
          }
        }
        return try await group.reduce(into: []) { $0 += $1 }
      }
      #expect(claimed.sorted() == Array(0..<60))
      #expect(
        try await queue.progress(runID: runID) == .init(pending: 0, leased: 0, done: 60, failed: 0))
      let stored = try await harness.rows(
        "SELECT CAST(count(*) AS text), CAST(count(DISTINCT url) AS text) FROM queue_results")
      #expect(stored == [["120", "120"]])
    }
  }

  @Test func anExpiredLeaseIsTakenOverAndTheOldHolderIsRefused() async throws {
    try await withQueue { queue, _, harness in
      let runID = try await queue.enqueue(
        asOf: Self.day, options: options, groups: Self.groups(1, sitesEach: 3))
      let stalled = try #require(
        try await queue.claim(worker: "stalled", lease: .seconds(3)))
      #expect(try await queue.claim(worker: "other", lease: .seconds(60)) == nil)
      try await Task.sleep(for: .milliseconds(3500))
      // Expired but not yet taken over: the lease no longer holds all the same.
      await #expect(throws: QueueError.leaseLost(token: stalled.token)) {
        try await queue.renew(token: stalled.token)
      }
      let fresh = try #require(try await queue.claim(worker: "fresh", lease: .seconds(60)))
      #expect(fresh.task == stalled.task)
      #expect(fresh.attempt == 2)
      // The stalled worker wakes up and completes, as the fresh one does, both at once.
      let late = Task {
        try await queue.complete(token: stalled.token, results: stalled.sites.map(Self.result))
      }
      let onTime = Task {
        try await queue.complete(token: fresh.token, results: fresh.sites.map(Self.result))
      }
      await #expect(throws: QueueError.leaseLost(token: stalled.token)) { try await late.value }
      try await onTime.value
      await #expect(throws: QueueError.leaseLost(token: fresh.token)) {
        try await queue.complete(token: fresh.token, results: fresh.sites.map(Self.result))
      }
      let rows = try await harness.rows("SELECT url FROM queue_results ORDER BY position")
      #expect(rows == stalled.sites.map { [$0.url] })
      #expect(
        try await queue.progress(runID: runID) == .init(pending: 0, leased: 0, done: 1, failed: 0))
    }
  }

  @Test func aRenewedLeaseHolds() async throws {
    try await withQueue { queue, _, _ in
      _ = try await queue.enqueue(
        asOf: Self.day, options: options, groups: Self.groups(1, sitesEach: 1))
      let lease = try #require(try await queue.claim(worker: "w", lease: .seconds(4)))
      for _ in 0..<5 {
        try await Task.sleep(for: .seconds(1))
        try await queue.renew(token: lease.token)
        #expect(try await queue.claim(worker: "thief", lease: .seconds(60)) == nil)
      }
      try await queue.complete(token: lease.token, results: lease.sites.map(Self.result))
    }
  }

  @Test func attemptsExhaustIntoFailedWithTheReason() async throws {
    try await withQueue { queue, _, _ in
      let runID = try await queue.enqueue(
        asOf: Self.day, options: options, groups: Self.groups(2, sitesEach: 1), maxAttempts: 2)
      let first = try #require(try await queue.claim(worker: "w", lease: .seconds(60)))
      #expect(try await queue.fail(token: first.token, reason: "curl: timeout") == .pending)
      #expect(try await !queue.isDrained(runID: runID))
      await #expect(throws: QueueError.leaseLost(token: first.token)) {
        try await queue.fail(token: first.token, reason: "again")
      }
      let second = try #require(try await queue.claim(worker: "w", lease: .seconds(60)))
      #expect(second.task == first.task)
      #expect(second.attempt == 2)
      #expect(try await queue.fail(token: second.token, reason: "disk full") == .failed)

      // The other task's holder dies on both attempts: its lease expires each time.
      for attempt in 1...2 {
        // A lease long enough that a loaded machine still asks before it ends.
        let dying = try #require(try await queue.claim(worker: "doomed", lease: .seconds(2)))
        #expect(dying.task == 1)
        #expect(try await !queue.isDrained(runID: runID))
        try await Task.sleep(for: .milliseconds(2300))
        // An expired lease with attempts left is open; on the last attempt it is failed.
        #expect(try await queue.isDrained(runID: runID) == (attempt == 2))
      }
      #expect(try await queue.claim(worker: "w", lease: .seconds(60)) == nil)
      #expect(
        try await queue.progress(runID: runID) == .init(pending: 0, leased: 0, done: 0, failed: 2))
      let outcome = try await queue.outcome(runID: runID)
      #expect(outcome.results.isEmpty)
      #expect(
        outcome.failures.map(\.reason) == [
          "disk full", "the lease expired on attempt 2 of 2 (worker doomed)",
        ])
      #expect(
        outcome.failures.map { $0.sites.map(\.url) } == [
          ["https://s0-0.ee/"], ["https://s1-0.ee/"],
        ])
    }
  }

  @Test func aReleasedTaskReturnsWithoutUsingAnAttempt() async throws {
    try await withQueue { queue, _, _ in
      let runID = try await queue.enqueue(
        asOf: Self.day, options: options, groups: Self.groups(1, sitesEach: 1), maxAttempts: 1)
      let lease = try #require(try await queue.claim(worker: "w", lease: .seconds(60)))
      try await queue.release(token: lease.token)
      await #expect(throws: QueueError.leaseLost(token: lease.token)) {
        try await queue.release(token: lease.token)
      }
      #expect(
        try await queue.progress(runID: runID) == .init(pending: 1, leased: 0, done: 0, failed: 0))
      let again = try #require(try await queue.claim(worker: "w2", lease: .seconds(60)))
      #expect(again.attempt == 1)
      try await queue.complete(token: again.token, results: again.sites.map(Self.result))
    }
  }

  @Test func resultsMustBeOnePerSiteOfTheTask() async throws {
    try await withQueue { queue, _, harness in
      _ = try await queue.enqueue(
        asOf: Self.day, options: options, groups: Self.groups(1, sitesEach: 2))
      let lease = try #require(try await queue.claim(worker: "w", lease: .seconds(60)))
      let stranger = Site(name: "x", url: "https://stranger.ee/")
      let error = await #expect(throws: StoreError.self) {
        try await queue.complete(
          token: lease.token, results: [Self.result(lease.sites[0]), Self.result(stranger)])
      }
      #expect(
        error?.description
          == "\(harness.shown): the results do not match the task's sites "
          + "(missing: https://s0-1.ee/; unexpected: https://stranger.ee/)")
      // Nothing was stored and the lease still holds.
      #expect(try await harness.rows("SELECT url FROM queue_results").isEmpty)
      try await queue.complete(token: lease.token, results: lease.sites.reversed().map(Self.result))
      #expect(
        try await harness.rows("SELECT url FROM queue_results ORDER BY position")
          == [["https://s0-0.ee/"], ["https://s0-1.ee/"]])
    }
  }

  @Test func aFinishedRunIsStoredUnderItsIDLikeAnyRun() async throws {
    try await withQueue { queue, store, _ in
      let before = try await store.save(StoreFixtures.scorecard(asOf: "2026-11-20", sites: []))
      let runID = try await queue.enqueue(
        asOf: Self.day, options: options, groups: Self.groups(2, sitesEach: 2))
      #expect([before, runID] == ["2026-11-20", "2026-11-20-2"])
      let lease = try #require(try await queue.claim(worker: "w", lease: .seconds(60)))
      try await queue.complete(token: lease.token, results: lease.sites.map(Self.result))
      let error = await #expect(throws: StoreError.self) { try await queue.outcome(runID: runID) }
      #expect(
        error?.description.hasSuffix(
          "queued run '2026-11-20-2' is not finished (1 tasks pending, 0 leased)") == true)
      let last = try #require(try await queue.claim(worker: "w", lease: .seconds(60)))
      try await queue.complete(token: last.token, results: last.sites.map(Self.result))

      let outcome = try await queue.outcome(runID: runID)
      #expect(outcome.asOf == Self.day)
      #expect(outcome.options == options)
      #expect(outcome.results.map(\.site.url) == Self.groups(2, sitesEach: 2).joined().map(\.url))
      #expect(outcome.failures.isEmpty)
      var card = StoreFixtures.scorecard(asOf: "2026-11-20", sites: [])
      card.sites = outcome.results
      try await queue.finish(runID: runID, scorecard: card)
      #expect(try await store.runs().map(\.id) == [before, runID])
      var expected = card
      expected.runID = runID
      #expect(try await store.scorecard(runID: runID) == expected)
      #expect(try await store.save(card) == "2026-11-20-3")
      #expect(try await queue.runs().first?.isStored == true)
      let twice = await #expect(throws: StoreError.self) {
        try await queue.finish(runID: runID, scorecard: card)
      }
      #expect(twice?.description.hasSuffix("queued run '2026-11-20-2' is already stored") == true)
    }
  }

  @Test func unknownRunsAndBadGroupsAreOneLine() async throws {
    try await withQueue { queue, _, harness in
      let shown = harness.shown
      let site = Site(name: "a", url: "https://a.ee/")
      let cases: [(@Sendable () async throws -> Void, String)] = [
        ({ _ = try await queue.progress(runID: "nope") }, "no queued run 'nope'"),
        ({ _ = try await queue.outcome(runID: "nope") }, "no queued run 'nope'"),
        (
          {
            _ = try await queue.enqueue(
              asOf: Self.day, options: Data("{}".utf8), groups: [[site], [site]])
          },
          "https://a.ee/ is in more than one task"
        ),
        (
          { _ = try await queue.enqueue(asOf: Self.day, options: Data("{}".utf8), groups: [[]]) },
          "a task has no sites"
        ),
      ]
      for (action, message) in cases {
        let error = await #expect(throws: StoreError.self) { try await action() }
        #expect(error?.description == "\(shown): \(message)")
      }
      let notJSON = await #expect(throws: StoreError.self) {
        _ = try await queue.enqueue(asOf: Self.day, options: Data("{".utf8), groups: [[site]])
      }
      #expect(
        notJSON?.description.hasPrefix("\(shown): invalid input syntax for type json") == true)
    }
  }

  // MARK: - Helpers

  static let day = Day(iso: "2026-11-20")!

  /// `count` host groups of `sitesEach` sites: https://sG-S.ee/.
  static func groups(_ count: Int, sitesEach: Int) -> [[Site]] {
    (0..<count).map { group in
      (0..<sitesEach).map { site in
        Site(name: "Site \(group)-\(site)", url: "https://s\(group)-\(site).ee/")
      }
    }
  }

  /// A worker's result for `site`.
  @Sendable static func result(_ site: Site) -> SiteResult {
    SiteResult(site: site, outcome: .crawled, pagesCrawled: 1, total: 50, areas: [], findings: [])
  }

  /// Runs `body` with the queue of a new store in a database of its own.
  private func withQueue(
    _ body: (WorkQueue, PostgresRunStore, StoreHarness) async throws -> Void
  ) async throws {
    try await StoreBackend.postgres.withLocation { harness in
      let store = try await PostgresRunStore(
        location: PostgresLocation(harness.value), timeout: StoreHarness.deadline)
      try await body(WorkQueue(store: store), store, harness)
    }
  }
}
