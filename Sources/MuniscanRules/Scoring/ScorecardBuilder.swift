import MuniscanCore

/// Puts site results in rank order into the one Scorecard all reporters render.
public enum ScorecardBuilder {
  /// Sorts best first (ties by name) and gives equal totals the same rank (1, 2, 2, 4).
  public static func build(
    ruleSet: RuleSet, asOf: Day, results: [SiteResult], bands: BandThresholds = .init()
  ) -> Scorecard {
    var sorted = results.sorted {
      $0.total != $1.total
        ? $0.total > $1.total : ($0.site.name, $0.site.url) < ($1.site.name, $1.site.url)
    }
    for index in sorted.indices {
      sorted[index].band = bands.band(for: sorted[index].total)
      if index > 0, sorted[index].total == sorted[index - 1].total {
        sorted[index].rank = sorted[index - 1].rank
      } else {
        sorted[index].rank = index + 1
      }
    }
    return Scorecard(
      ruleSetID: ruleSet.id, ruleSetVersion: ruleSet.version, asOf: asOf, areas: ruleSet.areas,
      criteria: ruleSet.rules.map { rule in
        var counts = StatusCounts()
        for site in sorted {
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
