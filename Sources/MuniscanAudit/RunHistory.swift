import MuniscanCore
import MuniscanRules
import MuniscanStore

/// Reads the run history for reports: which run `latest` and `previous` mean, and what the
/// history adds to a stored run's scorecard (each site's trend, the changes since an earlier
/// run).
public enum RunHistory {
  /// Stores the scorecard as a new run and returns it with its run id.
  public static func save(_ scorecard: Scorecard, in store: any RunStoring) async throws
    -> Scorecard
  {
    var stored = scorecard
    stored.runID = try await store.save(scorecard)
    return stored
  }

  /// Stores the scorecard as a new run and returns it with every site's trend and the changes
  /// since the previous run of the same rule set (nil when there is none): the monthly job.
  public static func record(_ scorecard: Scorecard, in store: any RunStoring) async throws -> (
    scorecard: Scorecard, previous: RunSummary?
  ) {
    let stored = try await save(scorecard, in: store)
    let previous = try await store.previousRun(before: stored.runID ?? "")
    return (try await annotate(stored, store: store, comparingWith: previous?.id), previous)
  }

  /// The id of the run `reference` names: `latest` (the run stored last) or a run id.
  public static func run(_ reference: String, in store: any RunStoring, path: String)
    async throws -> String
  {
    guard reference == "latest" else { return reference }
    guard let latest = try await store.runs().last else {
      throw MuniscanError("\(path): no runs stored yet")
    }
    return latest.id
  }

  /// The id of the run to compare `runID` with: `previous` (the latest earlier run of the same
  /// rule set) or a run id.
  public static func comparisonRun(
    _ reference: String, for runID: String, in store: any RunStoring, path: String
  ) async throws -> String {
    guard reference == "previous" else { return reference }
    guard let previous = try await store.previousRun(before: runID) else {
      throw MuniscanError(
        "\(path): run \(runID) has no earlier run of the same rule set to compare with")
    }
    return previous.id
  }

  /// The scorecard of a stored run with every site's trend over the earlier runs filled in and,
  /// when `previousRunID` is given, the changes since that run.
  public static func annotate(
    _ scorecard: Scorecard, store: any RunStoring, comparingWith previousRunID: String?
  ) async throws -> Scorecard {
    guard let runID = scorecard.runID else { return scorecard }
    var annotated = scorecard
    for index in annotated.sites.indices {
      annotated.sites[index].trend = try await store.trend(
        siteKey: annotated.sites[index].site.historyKey, before: runID)
    }
    if let previousRunID {
      let previous = try await store.scorecard(runID: previousRunID)
      annotated.comparison = ComparisonBuilder.compare(annotated, with: previous)
    }
    return annotated
  }
}
