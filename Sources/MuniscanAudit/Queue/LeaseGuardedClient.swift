import Foundation
import MuniscanHTTP

/// The HTTP client of a task's crawl, which sends a request only while the worker knows its
/// lease holds: until the lease's length after the last claim or renewal was asked for, by this
/// machine's monotonic clock (which runs on while the process is stopped). A worker stalled
/// past its lease (SIGSTOP, a frozen VM) therefore sends nothing more to its hosts when it wakes
/// up, even before its heartbeat learns that another worker took the task over, so two workers
/// never crawl one host at once.
struct LeaseGuardedClient: HTTPFetching {
  let client: any HTTPFetching
  let lease: LeaseDeadline

  func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
    guard lease.allows() else { throw LeaseDeadline.Expired(url: request.url) }
    return try await client.fetch(request)
  }
}

/// Until when a lease surely holds, by the local monotonic clock: the lease's length from the
/// moment its claim or last renewal was asked for (the server's expiry is later than that).
final class LeaseDeadline: @unchecked Sendable {
  /// A request not sent because the lease may have expired.
  struct Expired: Error, CustomStringConvertible {
    var url: String
    var description: String { "\(url): not fetched, the lease may have expired" }
  }

  private let lock = NSLock()
  private let length: Duration
  private var deadline: ContinuousClock.Instant
  private var refused = false

  init(length: Duration, askedAt: ContinuousClock.Instant) {
    self.length = length
    deadline = askedAt + length
  }

  /// Whether a request may be sent at `now`; a request refused is remembered.
  func allows(at now: ContinuousClock.Instant = .now) -> Bool {
    lock.withLock {
      if now >= deadline { refused = true }
      return !refused
    }
  }

  /// Whether a request was refused: the crawl lacks answers it should have, and its results
  /// must not be stored even if the lease turns out to hold.
  var hasRefused: Bool { lock.withLock { refused } }

  /// The lease was renewed by a call asked at `askedAt`.
  func renewed(askedAt: ContinuousClock.Instant) {
    lock.withLock { deadline = max(deadline, askedAt + length) }
  }
}
