import MuniscanCore

/// Wide CSV: one row per site with its status, total, band, a column per area score and a
/// column per criterion status; rank, total, band and area scores are empty for a site that
/// was not audited, whose `reason` says why. With a comparison, the previous status, rank and
/// total and the criteria gained and lost (ids separated by `;`).
public struct CSVWideReporter: Reporter {
  public let name = "csv-wide"
  public let fileName = "scorecard-wide.csv"

  public init() {}

  public func render(_ scorecard: Scorecard, options: ReportOptions) throws -> String {
    let index = ScorecardIndex(scorecard)
    let compared = scorecard.comparison != nil
    var header = ["name", "url", "status", "rank", "total", "band", "pages", "reason"]
    header += scorecard.areas.map(\.id) + scorecard.criteria.map(\.id)
    if compared {
      header += ["previous_status", "previous_rank", "previous_total", "gained", "lost"]
    }
    let rows = scorecard.sites.map { site in
      var row = [
        site.site.name, site.site.url, site.status.rawValue, site.rank.map(String.init) ?? "",
        site.total.map(CSVText.number) ?? "", site.band?.rawValue ?? "", "\(site.pagesCrawled)",
        site.outcome.reason ?? "",
      ]
      row += scorecard.areas.map { area in index.areaScore(site, area.id).map(CSVText.number) ?? ""
      }
      row += scorecard.criteria.map { criterion in
        index.finding(site, criterion.id)?.status.rawValue ?? ""
      }
      if compared {
        let change = index.change(site)
        row += [
          change?.previousStatus?.rawValue ?? "", change?.previousRank.map { "\($0)" } ?? "",
          change?.previousTotal.map(CSVText.number) ?? "",
          (change?.gained ?? []).map(\.ruleID).joined(separator: ";"),
          (change?.lost ?? []).map(\.ruleID).joined(separator: ";"),
        ]
      }
      return row
    }
    return try CSVText.make(header: header, rows: rows)
  }
}
