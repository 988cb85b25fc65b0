import MuniscanCore
import MuniscanRules
import MuniscanStore

/// The audit spread over the work queue of a PostgreSQL run store: a run is enqueued as one
/// task per host group, workers (``QueueWorker``) audit the tasks, and once every task is done
/// or failed their site results are ranked into the run's scorecard by the same builder every
/// other audit uses, and stored under the queued run's id like any run.
public enum QueuedAudit {
  /// The sites in groups sharing a registrable domain (`tartu.ee`, `www.tartu.ee`,
  /// `kool.tartu.ee`), so one worker owns a host and keeps its politeness; groups and their
  /// sites in the order of the list.
  public static func hostGroups(_ sites: [Site]) -> [[Site]] {
    var groups: [[Site]] = []
    var place: [String: Int] = [:]
    for site in sites {
      let domain = RegistrableDomain.of(url: site.url)
      if let index = place[domain] {
        groups[index].append(site)
      } else {
        place[domain] = groups.count
        groups.append([site])
      }
    }
    return groups
  }

  /// Creates a queued run of `sites`, one task per host group, and returns its id.
  public static func enqueue(
    _ sites: [Site], options: QueuedRunOptions, in queue: WorkQueue, maxAttempts: Int
  ) async throws -> String {
    try await queue.enqueue(
      asOf: options.asOf, options: try options.encoded(), groups: hostGroups(sites),
      maxAttempts: maxAttempts)
  }

  /// The scorecard of a finished queued run: every stored site result, ranked, and the sites of
  /// failed tasks judged as `incomplete` with the task's reason (not audited, never ranked as if
  /// their pages were missing).
  public static func scorecard(of outcome: QueueOutcome, ruleSet: RuleSet) -> Scorecard {
    let evaluator = Evaluator(ruleSet: ruleSet)
    let failed = outcome.failures.flatMap { failure in
      failure.sites.map { site in
        evaluator.evaluate(
          SiteCrawl(
            site: site, outcome: .incomplete(reason: "queue task failed: \(failure.reason)")),
          asOf: outcome.asOf)
      }
    }
    var scorecard = ScorecardBuilder.build(
      ruleSet: ruleSet, asOf: outcome.asOf, results: outcome.results + failed)
    scorecard.runID = outcome.runID
    return scorecard
  }

  /// Ranks and stores the run's scorecard when every task is done or failed and it is not
  /// stored yet; returns whether the run is stored now. Several callers may race: the first
  /// stores it, the others find it stored.
  @discardableResult
  public static func storeIfDrained(runID: String, in queue: WorkQueue, rules: RuleSetCache)
    async throws -> Bool
  {
    guard try await queue.isDrained(runID: runID),
      let run = try await queue.runs().first(where: { $0.id == runID })
    else { return false }
    if run.isStored { return true }
    let outcome = try await queue.outcome(runID: runID)
    let options = try QueuedRunOptions.decode(outcome.options, runID: runID)
    let ruleSet = try await rules.ruleSet(for: options, runID: runID)
    do {
      try await queue.finish(runID: runID, scorecard: scorecard(of: outcome, ruleSet: ruleSet))
    } catch let error as StoreError {
      guard try await queue.runs().contains(where: { $0.id == runID && $0.isStored }) else {
        throw error
      }
    }
    return true
  }
}
