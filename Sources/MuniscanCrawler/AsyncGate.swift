import Foundation

/// Lets at most `permits` tasks through at once; the others wait their turn, first come first
/// served. `leave()` is synchronous, so a place can be given back in a `defer`.
final class AsyncGate: @unchecked Sendable {
  // `free` and `waiting` are only touched under the lock.
  private let lock = NSLock()
  private var free: Int
  private var waiting: [CheckedContinuation<Void, Never>] = []
  /// Where the next waiter to let through is in `waiting` (advanced rather than removed from
  /// the front, which would copy the rest on every turn).
  private var head = 0

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
      guard head < waiting.count else {
        free += 1
        return nil
      }
      let next = waiting[head]
      head += 1
      if head == waiting.count {
        waiting.removeAll(keepingCapacity: true)
        head = 0
      }
      return next
    }
    next?.resume()
  }
}
