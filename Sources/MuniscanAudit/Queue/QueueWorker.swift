import Foundation
import Logging
import MuniscanStore

/// A worker of the work queue: claims tasks, audits each (``QueueTaskAudit``) and reports it
/// back, `slots` tasks at a time, until it is cancelled (SIGTERM: the tasks under way are
/// given back), has taken `maxSites` sites, or found nothing to claim for `idleExit`. A store
/// that cannot be reached ends it with that error, once its tasks are given back where the
/// store still answers.
public struct QueueWorker: Sendable {
  /// How a worker works.
  public struct Settings: Sendable {
    /// Names the worker in the queue's rows and in failure reasons (host and process id).
    public var name: String
    /// Folder of the WARC archives: `RUN/task-N-attempt-A` for each task claimed.
    public var archive: String
    public var lease: Duration
    /// Tasks worked on at once.
    public var slots: Int
    /// Stop claiming once this many sites were taken; nil: no bound.
    public var maxSites: Int?
    /// Stop after finding nothing to claim for this long; nil: wait for work forever.
    public var idleExit: Duration?
    /// How long to wait before asking again when there was nothing to claim.
    public var poll: Duration
    /// Software named in the WARC files.
    public var software: String

    public init(
      name: String, archive: String, lease: Duration, slots: Int, maxSites: Int?,
      idleExit: Duration?, poll: Duration = .seconds(1), software: String
    ) {
      self.name = name
      self.archive = archive
      self.lease = lease
      self.slots = slots
      self.maxSites = maxSites
      self.idleExit = idleExit
      self.poll = poll
      self.software = software
    }
  }

  /// What a worker did, in tasks.
  public struct Summary: Sendable, Hashable {
    public var completed = 0
    /// Completions the queue refused: the lease had expired (and been taken over).
    public var refused = 0
    public var failed = 0
    /// Tasks given back unfinished when the worker was stopped.
    public var released = 0
  }

  let queue: WorkQueue
  let settings: Settings
  let rules: RuleSetCache
  let logger: Logger
  /// Receives one line per task as it ends (standard error, for the command).
  let note: @Sendable (String) -> Void
  let clients: WorkerClients

  public init(
    queue: WorkQueue, settings: Settings, rules: RuleSetCache, logger: Logger,
    note: @escaping @Sendable (String) -> Void
  ) {
    self.queue = queue
    self.settings = settings
    self.rules = rules
    self.logger = logger
    self.note = note
    clients = WorkerClients(slots: settings.slots)
  }

  /// Works until idle, the site budget is spent, or the task is cancelled.
  public func run() async throws -> Summary {
    let tally = Tally(maxSites: settings.maxSites)
    let gate = ClaimGate(poll: settings.poll)
    do {
      try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<max(1, settings.slots) {
          group.addTask { try await self.slot(tally, gate) }
        }
        try await group.waitForAll()
      }
    } catch {
      await clients.shutdown()
      throw error
    }
    await clients.shutdown()
    return await tally.summary
  }

  /// One task at a time, claimed and seen through, until there is no more to do.
  private func slot(_ tally: Tally, _ gate: ClaimGate) async throws {
    var idleSince = ContinuousClock.now
    while !Task.isCancelled, await tally.mayClaim() {
      let asked = ContinuousClock.now
      var found: QueueLease?
      if await gate.mayClaim() {
        do {
          found = try await queue.claim(worker: settings.name, lease: settings.lease)
        } catch {
          await gate.claimed(found: true)
          throw error
        }
        await gate.claimed(found: found != nil)
      }
      guard let lease = found else {
        if let idleExit = settings.idleExit, ContinuousClock.now - idleSince >= idleExit { return }
        do {
          try await Task.sleep(for: settings.poll)
        } catch {
          return
        }
        continue
      }
      await tally.took(lease.sites.count)
      let ending = await QueueTaskAudit(worker: self, lease: lease, claimedAt: asked).run()
      try await report(ending, of: lease, tally)
      idleSince = ContinuousClock.now
    }
  }

  /// Tells the queue how the task ended, and stores the run's scorecard when it was the last.
  private func report(_ ending: QueueTaskAudit.Ending, of lease: QueueLease, _ tally: Tally)
    async throws
  {
    let task =
      "run \(lease.runID) task \(lease.task) (\(lease.sites.map(\.url).joined(separator: " ")))"
    do {
      switch ending {
      case .results(let results):
        try await unstoppable { try await queue.complete(token: lease.token, results: results) }
        await tally.count(\.completed)
        note("\(task): done\n")
      case .failed(let reason):
        let state = try await unstoppable {
          try await queue.fail(token: lease.token, reason: reason)
        }
        await tally.count(\.failed)
        note("\(task): attempt \(lease.attempt) failed, \(state.rawValue): \(reason)\n")
      case .stopped:
        try await unstoppable { try await queue.release(token: lease.token) }
        await tally.count(\.released)
        note("\(task): given back unfinished\n")
        return
      case .leaseLost:
        throw QueueError.leaseLost(token: lease.token)
      case .cannotWork(let error):
        try? await unstoppable { try await queue.release(token: lease.token) }
        throw error
      }
    } catch QueueError.leaseLost {
      await tally.count(\.refused)
      note("\(task): the lease expired before the task ended; its results were refused\n")
      return
    }
    // One slot at a time builds a run's scorecard; a failure to store it (a slow store at the
    // end of a large run) costs the worker nothing: another worker, or `report`, stores it.
    guard await tally.beginStoring(lease.runID) else { return }
    do {
      _ = try await unstoppable {
        try await QueuedAudit.storeIfDrained(runID: lease.runID, in: queue, rules: rules)
      }
    } catch {
      note(
        "run \(lease.runID): its scorecard is not stored yet (\(error)); 'muniscan report --run "
          + "\(lease.runID)' stores it\n")
    }
    await tally.endStoring(lease.runID)
  }
}

/// Runs a queue call in a task of its own, so the queue is told how a task ended even while the
/// worker is being stopped (a cancelled task's calls would be cut short).
private func unstoppable<T: Sendable>(_ call: @escaping @Sendable () async throws -> T)
  async throws -> T
{
  try await Task { try await call() }.value
}

/// The worker's slots' shared state: sites taken against the budget, how tasks ended, and the
/// runs whose scorecard a slot is storing.
private actor Tally {
  let maxSites: Int?
  var sites = 0
  var summary = QueueWorker.Summary()

  init(maxSites: Int?) { self.maxSites = maxSites }

  /// Runs whose scorecard one of the slots is building.
  var storing: Set<String> = []

  func mayClaim() -> Bool { maxSites.map { sites < $0 } ?? true }
  func beginStoring(_ runID: String) -> Bool { storing.insert(runID).inserted }
  func endStoring(_ runID: String) { storing.remove(runID) }
  func took(_ count: Int) { sites += count }
  func count(_ field: WritableKeyPath<QueueWorker.Summary, Int>) { summary[keyPath: field] += 1 }
}
