import Foundation

/// Spaces the starts of requests to one site at least `interval` seconds apart: the politeness
/// delay. Measuring start to start lets a crawl run at the politeness bound. Shared by the
/// requests of a site that are in flight together (`connectionsPerHost` 2), each of which
/// reserves its own start; a server's "come back later" pushes every later start back.
final class Pacer: @unchecked Sendable {
  private let lock = NSLock()
  private var interval: Duration
  private var last: ContinuousClock.Instant?
  private var notBefore: ContinuousClock.Instant?

  init(seconds: Double) {
    interval = Self.duration(seconds)
  }

  /// Raises the delay between starts (a robots.txt `Crawl-delay`), never lowers it.
  func slowDown(to seconds: Double) {
    lock.withLock { interval = max(interval, Self.duration(seconds)) }
  }

  /// Keeps every request that has not yet reserved its start from starting within `seconds`.
  func postpone(by seconds: Double) {
    let until = ContinuousClock.now.advanced(by: Self.duration(seconds))
    lock.withLock { notBefore = max(notBefore ?? until, until) }
  }

  /// Sleeps until the next start this site allows, which it takes.
  func wait() async {
    let start = reserve()
    if start > .now {
      try? await Task.sleep(until: start, tolerance: .milliseconds(2), clock: .continuous)
    }
  }

  /// Claims the earliest allowed start: now, one interval after the last claimed start, or the
  /// postponement, whichever is latest.
  private func reserve() -> ContinuousClock.Instant {
    lock.withLock {
      var start = ContinuousClock.now
      if let last { start = max(start, last.advanced(by: interval)) }
      if let notBefore { start = max(start, notBefore) }
      last = start
      return start
    }
  }

  private static func duration(_ seconds: Double) -> Duration {
    .milliseconds(Int64((max(0, seconds) * 1000).rounded()))
  }
}
