import Foundation
import Testing

@testable import MuniscanCrawler

/// Timed: run one at a time (`scripts/test`), since a loaded machine wakes threads late.
@Suite struct SleepQueueTests {
  /// Sleeps on `queue` until `deadline`; returns when it woke.
  private static func sleep(
    _ queue: SleepQueue, until deadline: ContinuousClock.Instant
  ) async -> ContinuousClock.Instant {
    await queue.sleep(until: deadline)
    return .now
  }

  @Test func wakesEverySleeperAtItsDeadlineAndNeverBefore() async {
    let queue = SleepQueue(tolerance: .milliseconds(2))
    let start = ContinuousClock.now
    // Deadlines out of order, several shared, as sites' next starts are.
    let offsets = (0..<60).map { Int64(($0 * 37) % 200 + 10) }
    let woken = await withTaskGroup(of: (Duration, Duration).self) { group in
      for offset in offsets {
        let deadline = start + .milliseconds(offset)
        group.addTask { (.milliseconds(offset), await Self.sleep(queue, until: deadline) - start) }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(woken.count == offsets.count)
    for (deadline, woke) in woken {
      #expect(woke >= deadline, "woken \(woke) for a deadline of \(deadline)")
      #expect(woke < deadline + .milliseconds(500), "woken \(woke) for a deadline of \(deadline)")
    }
  }

  @Test func anEarlierDeadlineIsNotHeldBackByALaterOne() async {
    let queue = SleepQueue(tolerance: .milliseconds(2))
    let late = Task { await queue.sleep(until: .now + .seconds(30)) }
    try? await Task.sleep(for: .milliseconds(20))
    let start = ContinuousClock.now
    let woke = await Self.sleep(queue, until: start + .milliseconds(30))
    #expect(woke - start >= .milliseconds(30))
    #expect(woke - start < .seconds(5))
    late.cancel()
    await late.value
  }

  @Test func aCancelledSleeperReturnsAtOnceWhetherAsleepOrNotYet() async {
    let queue = SleepQueue(tolerance: .milliseconds(2))
    let start = ContinuousClock.now
    let asleep = Task { await queue.sleep(until: .now + .seconds(60)) }
    try? await Task.sleep(for: .milliseconds(20))
    asleep.cancel()
    await asleep.value
    // Cancelled at once: it may be cancelled before or while it begins to sleep.
    let sleepers = (0..<20).map { _ in Task { await queue.sleep(until: .now + .seconds(60)) } }
    for sleeper in sleepers { sleeper.cancel() }
    for sleeper in sleepers { await sleeper.value }
    #expect(ContinuousClock.now - start < .seconds(10))
    // The queue still wakes sleepers after the cancelled ones' deadlines stay behind.
    let deadline = ContinuousClock.now + .milliseconds(20)
    #expect(await Self.sleep(queue, until: deadline) >= deadline)
  }
}
