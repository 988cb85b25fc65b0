import Foundation
import HeapModule

/// Wakes the crawl's sleeping requests from one thread of its own. Every request sleeps until its
/// site's next start, and a `Task.sleep` per request cost a dispatch timer each: arming it made
/// the sleeper poke dispatch's manager thread through the kernel, and at 1,000 sites the timers
/// took 4.5 % of a crawl's CPU. Here a sleep is a heap entry under a lock; the thread sleeps
/// until the earliest deadline plus a tolerance and then wakes every sleeper that is due, so
/// the sleepers of many sites are woken together. No sleeper is woken before its deadline.
final class SleepQueue: @unchecked Sendable {
  /// The queue the crawl's pacers sleep on; its thread starts with the first sleep.
  static let shared = SleepQueue(tolerance: .milliseconds(2))

  /// How late a sleeper may be woken so that sleepers due together share one wake-up.
  let tolerance: Duration
  private let condition = NSCondition()
  private var deadlines = Heap<Deadline>()
  private var sleepers: [UInt64: Sleeper] = [:]
  private var lastID: UInt64 = 0
  private var started = false

  private struct Deadline: Comparable {
    var instant: ContinuousClock.Instant
    var id: UInt64

    static func < (lhs: Deadline, rhs: Deadline) -> Bool {
      (lhs.instant, lhs.id) < (rhs.instant, rhs.id)
    }
  }

  /// A sleep between its start and its wake-up.
  private enum Sleeper {
    /// Begun, not yet suspended.
    case starting
    case waiting(CheckedContinuation<Void, Never>)
    /// Cancelled before it was suspended: it must not suspend.
    case cancelled
  }

  init(tolerance: Duration) {
    self.tolerance = tolerance
  }

  /// Returns at `deadline` (at most the tolerance later), or as soon as the task is cancelled.
  func sleep(until deadline: ContinuousClock.Instant) async {
    guard deadline > .now, !Task.isCancelled else { return }
    let id = condition.withLock {
      lastID += 1
      sleepers[lastID] = .starting
      return lastID
    }
    await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let resumeNow = condition.withLock {
          guard case .starting = sleepers[id] else {
            sleepers[id] = nil
            return true
          }
          sleepers[id] = .waiting(continuation)
          deadlines.insert(Deadline(instant: deadline, id: id))
          if !started {
            started = true
            Thread.detachNewThread { [self] in run() }
          } else if deadlines.min?.id == id {
            // Earlier than what the thread waits for.
            condition.signal()
          }
          return false
        }
        if resumeNow { continuation.resume() }
      }
    } onCancel: {
      let continuation = condition.withLock { () -> CheckedContinuation<Void, Never>? in
        switch sleepers[id] {
        case .starting:
          sleepers[id] = .cancelled
          return nil
        case .waiting(let continuation):
          // Its deadline stays in the heap; the thread finds no sleeper there and skips it.
          sleepers[id] = nil
          return continuation
        case .cancelled, nil:
          return nil
        }
      }
      continuation?.resume()
    }
  }

  /// The thread: waits for the earliest deadline (and the tolerance), then wakes everyone due.
  private func run() {
    var due: [CheckedContinuation<Void, Never>] = []
    while true {
      condition.lock()
      while true {
        guard let earliest = deadlines.min else {
          condition.wait()
          continue
        }
        let now = ContinuousClock.now
        guard earliest.instant <= now else {
          let wait = now.duration(to: earliest.instant + tolerance)
          _ = condition.wait(until: Date(timeIntervalSinceNow: Self.seconds(wait)))
          continue
        }
        while let next = deadlines.min, next.instant <= now {
          deadlines.removeMin()
          if case .waiting(let continuation) = sleepers.removeValue(forKey: next.id) {
            due.append(continuation)
          }
        }
        break
      }
      condition.unlock()
      for continuation in due { continuation.resume() }
      due.removeAll(keepingCapacity: true)
    }
  }

  private static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) * 1e-18
  }
}
