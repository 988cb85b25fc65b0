import Foundation

/// Spaces the starts of requests to one site at least `interval` seconds apart: the politeness
/// delay. Measuring start to start lets a crawl run at the politeness bound. Shared by the
/// requests of a site that are in flight together (`connectionsPerHost` 2); a server's "come
/// back later" pushes every later start back.
final class Pacer: @unchecked Sendable {
  private let lock = NSLock()
  private var interval: Duration
  private var last: ContinuousClock.Instant?
  private var notBefore: ContinuousClock.Instant?

  init(seconds: Double) {
    interval = .delay(seconds: seconds)
  }

  /// Raises the delay between starts (a robots.txt `Crawl-delay`), never lowers it.
  func slowDown(to seconds: Double) {
    lock.withLock { interval = max(interval, .delay(seconds: seconds)) }
  }

  /// Keeps every request that has not started yet from starting within `seconds`.
  func postpone(by seconds: Double) {
    let until = ContinuousClock.now.advanced(by: .delay(seconds: seconds))
    lock.withLock { notBefore = max(notBefore ?? until, until) }
  }

  /// Sleeps until the next start this site allows, and takes it. The start is claimed when the
  /// sleeper wakes, not when it lies down, so a late wake-up cannot bring the next start closer
  /// than `interval`; of two requests waking together one goes, the other sleeps again.
  func wait() async {
    await sleep { now, next in
      guard next <= now else { return false }
      last = now
      return true
    }
  }

  /// Sleeps until the next start this site allows, without taking it: a request can then wait
  /// for something else (a place among the crawl's responses) without holding that while it
  /// sleeps here, and take its start with `wait()`, which rarely sleeps again.
  func ready() async {
    await sleep { now, next in next <= now }
  }

  /// Sleeps until `done` (called under the lock with the time and the next allowed start)
  /// says so, or the task is cancelled.
  private func sleep(
    until done: (ContinuousClock.Instant, ContinuousClock.Instant) -> Bool
  ) async {
    while true {
      let (finished, next) = lock.withLock {
        let now = ContinuousClock.now
        var next = now
        if let last { next = max(next, last.advanced(by: interval)) }
        if let notBefore { next = max(next, notBefore) }
        return (done(now, next), next)
      }
      if finished { return }
      await SleepQueue.shared.sleep(until: next)
      if Task.isCancelled { return }
    }
  }
}
