import MuniscanCore

/// Works out what changed between an earlier run and this one: each site's earlier status, rank
/// and total, the criteria it gained or lost, and the sites that are gone. A site that either
/// run did not audit has no earlier rank or total to move from, or none to move to: reports say
/// it was not audited, never that it dropped to 0.
///
/// Sites are matched by `Site.historyKey` (host without `www.`), criteria by rule id. Statuses
/// are ordered pass > partial > fail; a criterion counts as gained or lost only when both runs
/// judged it (`unknown`, from a site that could not be crawled, is neither better nor worse than
/// anything, so an outage and the recovery from it are not reported as criteria changes — the
/// total shows them). Criteria that only one of the runs' rule sets has are left out.
public enum ComparisonBuilder {
  public static func compare(_ current: Scorecard, with previous: Scorecard) -> Comparison {
    var earlier: [String: SiteResult] = [:]
    for result in previous.sites where earlier[result.site.historyKey] == nil {
      earlier[result.site.historyKey] = result
    }
    let currentKeys = Set(current.sites.map(\.site.historyKey))
    let changes = current.sites.map { result -> SiteChange in
      guard let before = earlier[result.site.historyKey] else {
        return SiteChange(
          url: result.site.url, previousRank: nil, previousTotal: nil, gained: [], lost: [])
      }
      let (gained, lost) = statusChanges(from: before, to: result)
      return SiteChange(
        url: result.site.url, previousRank: before.rank, previousTotal: before.total,
        previousStatus: before.status, gained: gained, lost: lost)
    }
    let removed = previous.sites.filter { !currentKeys.contains($0.site.historyKey) }.map {
      RemovedSite(
        name: $0.site.name, url: $0.site.url, previousRank: $0.rank, previousTotal: $0.total,
        previousStatus: $0.status)
    }
    return Comparison(
      previousRunID: previous.runID ?? "", previousAsOf: previous.asOf, sites: changes,
      removedSites: removed)
  }

  /// Criteria that got better and worse, in the current run's criteria order.
  static func statusChanges(
    from before: SiteResult, to after: SiteResult
  ) -> (gained: [StatusChange], lost: [StatusChange]) {
    var earlier: [String: FindingStatus] = [:]
    for finding in before.findings { earlier[finding.ruleID] = finding.status }
    var gained: [StatusChange] = []
    var lost: [StatusChange] = []
    for finding in after.findings {
      guard let old = earlier[finding.ruleID], let from = level(old), let to = level(finding.status)
      else { continue }
      let change = StatusChange(ruleID: finding.ruleID, from: old, to: finding.status)
      if to > from { gained.append(change) }
      if to < from { lost.append(change) }
    }
    return (gained, lost)
  }

  /// pass 2, partial 1, fail 0; unknown has no place in the order.
  static func level(_ status: FindingStatus) -> Int? {
    switch status {
    case .pass: return 2
    case .partial: return 1
    case .fail: return 0
    case .unknown: return nil
    }
  }
}
