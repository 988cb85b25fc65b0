import MuniscanCore
import MuniscanEvaluation
import MuniscanStore

/// Reads the run history for reports: which run `latest` and `previous` mean, and what the
/// history adds to a stored run's scorecard (each site's trend, the changes since an earlier
/// run).
enum RunHistory {
  /// The id of the run `reference` names: `latest` (the run stored last) or a run id.
  static func run(_ reference: String, in store: any RunStoring, path: String) async throws
    -> String
  {
    guard reference == "latest" else { return reference }
    guard let latest = try await store.runs().last else {
      throw MuniscanError("\(path): no runs stored yet")
    }
    return latest.id
  }

  /// The id of the run to compare `runID` with: `previous` (the latest earlier run of the same
  /// rule set) or a run id.
  static func comparisonRun(
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
  static func annotate(
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
