/// Spaces the starts of requests to one host at least `interval` seconds apart: the politeness
/// delay. Measuring start to start lets a crawl run at the politeness bound.
struct Pacer {
  var interval: Duration
  private var last: ContinuousClock.Instant?

  init(seconds: Double) {
    interval = .milliseconds(Int64((seconds * 1000).rounded()))
  }

  /// Sleeps until the next request may start, then records its start.
  mutating func wait() async {
    let clock = ContinuousClock()
    if let last {
      let next = last.advanced(by: interval)
      if next > clock.now { try? await clock.sleep(until: next, tolerance: .milliseconds(2)) }
    }
    last = clock.now
  }
}
