import Foundation
import MuniscanCore

/// A task claimed from the work queue: the sites of one host group to audit, and the token that
/// proves the claim until the lease expires. Only the holder of a live token can renew,
/// complete, release or fail the task.
public struct QueueLease: Sendable, Hashable {
  public var token: UUID
  public var runID: String
  /// The task's place in its run (0, 1, …), as the groups were given.
  public var task: Int
  public var sites: [Site]
  /// The run's options, the JSON given when it was enqueued.
  public var options: Data
  /// 1 for the first claim of the task, 2 when it is retried or taken over, ….
  public var attempt: Int
  /// When the lease ends unless renewed, by the database server's clock.
  public var expires: Date
}

/// How far a queued run is, in tasks. A lease that expired counts as pending (another worker
/// will take it over), or as failed when its attempts are used up.
public struct QueueProgress: Sendable, Hashable, Codable {
  public var pending: Int
  public var leased: Int
  public var done: Int
  public var failed: Int

  public init(pending: Int, leased: Int, done: Int, failed: Int) {
    self.pending = pending
    self.leased = leased
    self.done = done
    self.failed = failed
  }

  /// Every task is done or failed: the run can be assembled.
  public var isFinished: Bool { pending == 0 && leased == 0 }
}

/// A queued run with its progress, as `runs list` shows it.
public struct QueuedRun: Sendable, Hashable {
  public var id: String
  /// When the run was enqueued (UTC, ISO 8601).
  public var createdAt: String
  public var asOf: Day
  public var progress: QueueProgress
  /// Whether its scorecard has been stored as a run (`WorkQueue.finish`).
  public var isStored: Bool
}

/// What the workers of a finished queued run produced, for the caller to rank into a
/// scorecard: every stored site result, and the tasks that failed with their reasons.
public struct QueueOutcome: Sendable, Hashable {
  /// A task that used up its attempts.
  public struct Failure: Sendable, Hashable {
    public var sites: [Site]
    public var reason: String

    public init(sites: [Site], reason: String) {
      self.sites = sites
      self.reason = reason
    }
  }

  public var runID: String
  public var asOf: Day
  public var options: Data
  /// One result per site of every done task, in task order and then in the task's site order.
  public var results: [SiteResult]
  public var failures: [Failure]

  public init(
    runID: String, asOf: Day, options: Data, results: [SiteResult], failures: [Failure]
  ) {
    self.runID = runID
    self.asOf = asOf
    self.options = options
    self.results = results
    self.failures = failures
  }
}

/// What became of a task its holder gave up with `WorkQueue.fail`.
public enum QueueTaskState: String, Sendable, Hashable {
  /// Back in the queue, for another attempt.
  case pending
  /// Its attempts are used up; the reason is kept.
  case failed
}

/// A queue call refused because the caller's lease no longer holds: it expired (and may have
/// been taken over), or the task was already completed, released or failed. Nothing was
/// changed. A worker that gets it stops working on the task.
public enum QueueError: Error, Equatable, CustomStringConvertible {
  case leaseLost(token: UUID)

  public var description: String {
    switch self {
    case .leaseLost(let token):
      return "lease \(token) no longer holds (it expired, or the task was finished)"
    }
  }
}
