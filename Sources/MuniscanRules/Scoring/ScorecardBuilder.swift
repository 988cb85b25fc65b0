import MuniscanCore

/// Puts site results in rank order into the one Scorecard all reporters render.
public enum ScorecardBuilder {
  /// Sorts the audited sites best first (ties by name), gives equal totals the same rank
  /// (1, 2, 2, 4) and each its band; the sites that were not audited follow by name, with no
  /// rank or band, and are left out of the per-criterion counts.
  public static func build(
    ruleSet: RuleSet, asOf: Day, results: [SiteResult], bands: BandThresholds = .init()
  ) -> Scorecard {
    func byName(_ first: SiteResult, _ second: SiteResult) -> Bool {
      (first.site.name, first.site.url) < (second.site.name, second.site.url)
    }
    var sorted = results.filter(\.isAudited).sorted {
      $0.total != $1.total ? ($0.total ?? 0) > ($1.total ?? 0) : byName($0, $1)
    }
    for index in sorted.indices {
      sorted[index].band = bands.band(for: sorted[index].total ?? 0)
      if index > 0, sorted[index].total == sorted[index - 1].total {
        sorted[index].rank = sorted[index - 1].rank
      } else {
        sorted[index].rank = index + 1
      }
    }
    let audited = sorted
    sorted += results.filter { !$0.isAudited }.sorted(by: byName)
    return Scorecard(
      ruleSetID: ruleSet.id, ruleSetVersion: ruleSet.version, asOf: asOf, areas: ruleSet.areas,
      criteria: ruleSet.rules.map { rule in
        var counts = StatusCounts()
        for site in audited {
          if let finding = site.findings.first(where: { $0.ruleID == rule.id }) {
            counts.add(finding.status)
          }
        }
        return CriterionInfo(
          id: rule.id, area: rule.area, weight: rule.weight, title: rule.title, advice: rule.advice,
          basis: rule.basis, counts: counts)
      },
      sites: sorted, bands: bands)
  }
}
