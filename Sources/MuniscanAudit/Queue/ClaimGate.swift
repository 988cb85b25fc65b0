/// Keeps a worker's idle slots from asking the queue all at once: while claims find tasks, every
/// slot claims freely; once a claim finds none, one slot at a time asks again, a poll interval
/// after the last empty answer, until a claim finds a task. Hundreds of idle slots (the end of a
/// run, every task taken) would otherwise keep the store's few connections busy with claims
/// that find nothing, and the calls that matter (renewals, completions) would wait past their
/// deadline.
actor ClaimGate {
  private let poll: Duration
  /// Until when the queue is taken to be empty; nil while claims find tasks.
  private var emptyUntil: ContinuousClock.Instant?
  private var asking = false

  init(poll: Duration) { self.poll = poll }

  /// Whether the slot may claim at `now`; if not, it waits a poll interval and asks again.
  func mayClaim(at now: ContinuousClock.Instant = .now) -> Bool {
    guard let emptyUntil else { return true }
    guard !asking, now >= emptyUntil else { return false }
    asking = true
    return true
  }

  /// What the slot's claim, answered at `now`, found.
  func claimed(found: Bool, at now: ContinuousClock.Instant = .now) {
    asking = false
    emptyUntil = found ? nil : now + poll
  }
}
