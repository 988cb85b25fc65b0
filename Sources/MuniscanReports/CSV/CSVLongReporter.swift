import MuniscanCore

/// Long CSV for R and pandas: one row per site, criterion and piece of evidence (a finding
/// without evidence still gets one row), so every verdict can be filtered and checked.
/// `site_status` says whether the site was audited (rank is empty when not); with a
/// comparison, `previous_status` says what the criterion was in the earlier run.
public struct CSVLongReporter: Reporter {
  public let name = "csv"
  public let fileName = "scorecard.csv"

  public init() {}

  public func render(_ scorecard: Scorecard, options: ReportOptions) throws -> String {
    let index = ScorecardIndex(scorecard)
    let compared = scorecard.comparison != nil
    var header = [
      "site", "url", "site_status", "rank", "criterion", "area", "status", "weight", "evidence_url",
      "kind",
      "snippet", "target", "date", "reason",
    ]
    if compared { header.append("previous_status") }
    var rows: [[String]] = []
    for site in scorecard.sites {
      let change = index.change(site)
      for finding in site.findings {
        let common = [
          site.site.name, site.site.url, site.status.rawValue, site.rank.map(String.init) ?? "",
          finding.ruleID, finding.area,
          finding.status.rawValue,
          CSVText.number(finding.weight),
        ]
        var previous: [String] = []
        if compared { previous = [previousStatus(finding, of: site, change)] }
        let evidence = finding.evidence.isEmpty ? [nil] : finding.evidence.map(Optional.some)
        for item in evidence {
          let fields = [
            item?.url ?? "", item?.kind ?? "", item?.snippet ?? "", item?.target ?? "",
            item?.date?.description ?? "", options.words.reason(finding.reason),
          ]
          rows.append(common + fields + previous)
        }
      }
    }
    return try CSVText.make(header: header, rows: rows)
  }

  /// The status in the earlier run: the `from` of a gained or lost criterion, `unknown` when
  /// the earlier run did not audit the site, the same status when it did not change; empty for
  /// a site new in this run, and for one this run did not audit (its earlier statuses are not
  /// in the comparison).
  private func previousStatus(_ finding: Finding, of site: SiteResult, _ change: SiteChange?)
    -> String
  {
    guard let change, let before = change.previousStatus else { return "" }
    if let moved = (change.gained + change.lost).first(where: { $0.ruleID == finding.ruleID }) {
      return moved.from.rawValue
    }
    if before != .audited { return FindingStatus.unknown.rawValue }
    return site.isAudited ? finding.status.rawValue : ""
  }
}
