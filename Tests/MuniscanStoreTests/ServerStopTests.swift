import Foundation
import MuniscanCore
import MuniscanStore
import Testing

/// A PostgreSQL server stopped while the queue is in use (a server of the test's own, since the
/// other tests go on using theirs): every call is one line within the deadline, and once the
/// server is back a new worker finishes the run.
@Suite struct ServerStopTests {
  @Test func aStoppedServerIsOneLineWithinTheDeadlineAndTheRunGoesOnWhenItIsBack() async throws {
    _ = try TestServer.url()
    let folder = NSTemporaryDirectory() + "muniscan-postgres-\(UUID().uuidString)"
    let url = try await TestServer.script(["start", folder])
    do {
      try await stopAndStartAgain(url: url, folder: folder)
    } catch {
      Issue.record(error)
    }
    try await TestServer.script(["remove", folder])
  }

  private func stopAndStartAgain(url: String, folder: String) async throws {
    let location = try PostgresLocation(url)
    // The calls that work get a generous deadline (the whole suite runs at once on a loaded
    // machine); the ones tried on the stopped server go through a store with the default one.
    let queue = WorkQueue(
      store: try await PostgresRunStore(location: location, timeout: StoreHarness.deadline))
    let runID = try await queue.enqueue(
      asOf: WorkQueueTests.day, options: Data("{}".utf8),
      groups: WorkQueueTests.groups(2, sitesEach: 1))
    let lease = try #require(try await queue.claim(worker: "w", lease: .seconds(120)))
    let store = try await PostgresRunStore(location: location)
    let probe = WorkQueue(store: store)

    try await TestServer.script(["stop", folder])
    let calls: [@Sendable () async throws -> Void] = [
      { try await probe.renew(token: lease.token) },
      { _ = try await probe.claim(worker: "w2", lease: .seconds(60)) },
      { _ = try await probe.progress(runID: runID) },
      { _ = try await store.runs() },
      { _ = try await RunStoreLocation(url).open() },
    ]
    for call in calls {
      var error: StoreError?
      let took = await ContinuousClock().measure {
        error = await #expect(throws: StoreError.self) { try await call() }
      }
      let message = error?.description ?? ""
      #expect(message.hasPrefix("\(location): "))
      #expect(!message.contains("\n"))
      let reasons = [
        "no answer from the server within 10 s", "the server closed the connection",
        "cannot connect to the server (No such file or directory)",
      ]
      #expect(reasons.contains { message.hasSuffix(": \($0)") }, "\(message)")
      // The deadline, and room for a loaded machine's late timer: no hang.
      #expect(took < .seconds(25), "\(message)")
    }

    try await TestServer.script(["start", folder])
    let worker = WorkQueue(
      store: try await PostgresRunStore(location: location, timeout: StoreHarness.deadline))
    try await worker.complete(token: lease.token, results: lease.sites.map(WorkQueueTests.result))
    let last = try #require(try await worker.claim(worker: "w2", lease: .seconds(60)))
    try await worker.complete(token: last.token, results: last.sites.map(WorkQueueTests.result))
    #expect(
      try await worker.progress(runID: runID) == .init(pending: 0, leased: 0, done: 2, failed: 0))
  }
}
