import DequeModule
import Foundation

/// Lets at most `permits` tasks through at once; the others wait their turn, first come first
/// served. `leave()` is synchronous, so a place can be given back in a `defer`.
final class AsyncGate: @unchecked Sendable {
  // `free` and `waiting` are only touched under the lock.
  private let lock = NSLock()
  private var free: Int
  /// Tasks waiting, first come first: a gate that is never empty long enough to drain keeps
  /// no waiter it has let through (each holds a continuation).
  private var waiting = Deque<CheckedContinuation<Void, Never>>()

  init(permits: Int) { free = max(1, permits) }

  func enter() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let admitted = lock.withLock {
        guard free > 0 else {
          waiting.append(continuation)
          return false
        }
        free -= 1
        return true
      }
      if admitted { continuation.resume() }
    }
  }

  func leave() {
    let next: CheckedContinuation<Void, Never>? = lock.withLock {
      guard let next = waiting.popFirst() else {
        free += 1
        return nil
      }
      return next
    }
    next?.resume()
  }
}
