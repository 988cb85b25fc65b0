import Foundation
import MuniscanArchive
import MuniscanCore
import MuniscanHTTP
import MuniscanRules
import MuniscanStore

/// One claimed task seen through: its sites crawled into a WARC archive of the task's attempt
/// and judged as each crawl ends (a `scan` recorded as a `crawl`; the sites a released attempt
/// finished are judged from the archive, as `score` does), while a heartbeat renews the lease. The
/// first of the two to end decides: a lost lease stops the crawl at once, and a finished
/// audit stops the heartbeat.
struct QueueTaskAudit: Sendable {
  /// How the task's attempt ended, for the worker to tell the queue.
  enum Ending: Sendable {
    /// One result per site of the task.
    case results([SiteResult])
    /// The attempt failed for this reason (another attempt may fare better).
    case failed(String)
    /// The worker was stopped before the task ended.
    case stopped
    /// The lease no longer holds: another worker may hold the task now.
    case leaseLost
    /// This worker cannot work on the queue's tasks: the store could not be reached to renew
    /// the lease, or the worker lacks the run's rule set. The task is given back and the worker
    /// stops with the error.
    case cannotWork(any Error)
  }

  let worker: QueueWorker
  let lease: QueueLease
  /// Until when the lease surely holds, moved on by each renewal.
  let deadline: LeaseDeadline

  /// The audit of `lease`, claimed by a call asked at `claimedAt`.
  init(worker: QueueWorker, lease: QueueLease, claimedAt: ContinuousClock.Instant) {
    self.worker = worker
    self.lease = lease
    deadline = LeaseDeadline(length: worker.settings.lease, askedAt: claimedAt)
  }

  /// The archive folder of this attempt: each attempt its own, so a stalled holder that
  /// wakes up never writes into the files of the worker that took its task over. A released
  /// task's next claim has the same attempt number and resumes the archive left.
  var folder: String {
    "\(worker.settings.archive)/\(lease.runID)/task-\(lease.task)-attempt-\(lease.attempt)"
  }

  func run() async -> Ending {
    await withTaskGroup(of: Ending.self) { group in
      group.addTask { await audit() }
      group.addTask { await heartbeat() }
      let first = await group.next() ?? .stopped
      group.cancelAll()
      return first
    }
  }

  /// Renews the lease every third of its length until cancelled or the lease is lost.
  private func heartbeat() async -> Ending {
    while true {
      do {
        try await Task.sleep(for: worker.settings.lease / 3)
      } catch {
        return .stopped
      }
      let asked = ContinuousClock.now
      do {
        try await worker.queue.renew(token: lease.token)
        deadline.renewed(askedAt: asked)
      } catch QueueError.leaseLost {
        return .leaseLost
      } catch {
        return Task.isCancelled ? .stopped : .cannotWork(error)
      }
    }
  }

  private func audit() async -> Ending {
    let options: QueuedRunOptions
    let evaluator: Evaluator
    do {
      options = try QueuedRunOptions.decode(lease.options, runID: lease.runID)
      evaluator = try await worker.rules.evaluator(for: options, runID: lease.runID)
    } catch {
      return .cannotWork(error)
    }
    do {
      let archived = try ArchivedCrawl.open(
        directory: folder, sitesFile: "queued run \(lease.runID), task \(lease.task)",
        sites: lease.sites, options: options.crawl, userAgent: options.userAgent,
        software: worker.settings.software)
      let client = try await worker.clients.client(for: options)
      let audit = Audit(evaluator: evaluator, logger: worker.logger)
      let (finished, crawled) = try await audit.crawl(
        into: archived, client: LeaseGuardedClient(client: client, lease: deadline),
        asOf: options.asOf)
      if Task.isCancelled { return .stopped }
      if deadline.hasRefused {
        return .failed(
          "the lease was not renewed in time, so requests were held back and the crawl is not "
            + "whole")
      }
      guard finished.count == lease.sites.count else {
        return .failed(
          "\(lease.sites.count - finished.count) of \(lease.sites.count) sites could not be "
            + "archived completely in \(folder)")
      }
      if crawled.sites.count == lease.sites.count { return .results(crawled.sites) }
      // A released attempt finished some of the sites: they are judged from the archive.
      let scored = await audit.score([try ArchiveReader(directory: folder)], asOf: options.asOf)
      return .results(scored.scorecard.sites)
    } catch {
      return Task.isCancelled ? .stopped : .failed("\(error)")
    }
  }
}
