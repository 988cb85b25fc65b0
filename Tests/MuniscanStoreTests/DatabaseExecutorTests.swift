import Foundation
import MuniscanCore
import Synchronization
import Testing

@testable import MuniscanStore

/// A store's calls keep their deadline for the server alone: a process whose shared threads are
/// all busy (a worker judging hundreds of pages at once) still gets the server's answers in time,
/// so its lease renewals and completions do not fail as "no answer from the server". Runs with
/// the timed suites, alone: it keeps every thread of the test process busy for a while.
@Suite struct DatabaseExecutorTests {
  @Test func queueCallsAnswerWithinTheirDeadlineWhileEveryThreadIsBusy() async throws {
    try await StoreBackend.postgres.withLocation { harness in
      let queue = WorkQueue(
        store: try await PostgresRunStore(
          location: PostgresLocation(harness.value), timeout: .seconds(2)))
      let runID = try await queue.enqueue(
        asOf: WorkQueueTests.day, options: Data("{}".utf8),
        groups: WorkQueueTests.groups(1, sitesEach: 2))
      let load = BusyThreads(tasks: 16 * ProcessInfo.processInfo.activeProcessorCount)
      // Each turn of the shared threads now takes seconds: every step of a call that waited
      // for one (before the store had its own thread) came seconds late, past the deadline.
      var drained: Result<Bool, any Error>
      do {
        let lease = try #require(try await queue.claim(worker: "busy", lease: .seconds(60)))
        try await queue.renew(token: lease.token)
        try await queue.complete(
          token: lease.token, results: lease.sites.map(WorkQueueTests.result))
        drained = .success(try await queue.isDrained(runID: runID))
      } catch {
        drained = .failure(error)
      }
      await load.stop()
      #expect(try drained.get())
    }
  }
}

/// Keeps every thread of the shared pool busy: `tasks` tasks at the caller's priority, each
/// computing for 100 ms at a time, then yielding to the others, until stopped.
private struct BusyThreads {
  private let stopped = Flag()
  private let spinners: [Task<Void, Never>]

  init(tasks: Int) {
    let stopped = stopped
    // At the caller's priority: a higher one would go first anyway.
    let priority = Task.currentPriority
    spinners = (0..<tasks).map { _ in
      Task.detached(priority: priority) {
        while !stopped.isSet {
          let until = ContinuousClock.now + .milliseconds(100)
          while ContinuousClock.now < until {}
          await Task.yield()
        }
      }
    }
  }

  func stop() async {
    stopped.set()
    for spinner in spinners { await spinner.value }
  }

  private final class Flag: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
  }
}
