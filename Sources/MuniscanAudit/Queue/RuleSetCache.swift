import MuniscanRules

/// The rule sets a worker judges with, loaded and compiled once each (compiling one for every
/// task cost an eighth of a worker's time): the one a queued run names (or the folder the
/// worker was given for it), checked to be the rule set the run was enqueued with, so no task
/// is judged by other rules than its run's.
public actor RuleSetCache {
  private let override: String?
  private var loaded: [String: Evaluator] = [:]

  /// With `override`, every run's rule set is read from that folder instead of the one the run
  /// names (the same rule set kept elsewhere on this machine).
  public init(override: String? = nil) { self.override = override }

  /// The rule set of a run with `options`; a one-line error when it cannot be read or is not
  /// the run's.
  public func ruleSet(for options: QueuedRunOptions, runID: String) throws -> RuleSet {
    try evaluator(for: options, runID: runID).ruleSet
  }

  /// The rule set of a run with `options`, compiled for judging.
  public func evaluator(for options: QueuedRunOptions, runID: String) throws -> Evaluator {
    let folder = override ?? options.rules
    let key = folder ?? ""
    let evaluator = try loaded[key] ?? Evaluator(ruleSet: RulesLocator.load(folder))
    loaded[key] = evaluator
    let ruleSet = evaluator.ruleSet
    guard ruleSet.id == options.ruleSetID, ruleSet.version == options.ruleSetVersion else {
      throw MuniscanError(
        "\(RulesLocator.directory(folder)) holds rule set \(ruleSet.id) \(ruleSet.version), but "
          + "run \(runID) was enqueued with \(options.ruleSetID) \(options.ruleSetVersion): "
          + "give --rules the folder of that rule set")
    }
    return evaluator
  }
}
