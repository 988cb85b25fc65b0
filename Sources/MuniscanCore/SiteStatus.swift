/// Whether a site was audited and, when not, why: the one word every output gives for it (the
/// JSON `status`, the CSV `status` column, the run store's `site_results.status`). A site that
/// was not audited has no score, band or rank, and no place in totals, averages or pass counts.
public enum SiteStatus: String, Sendable, Codable, Hashable, CaseIterable {
  case audited, unreachable, closedByRobots, incomplete

  public init(_ outcome: CrawlOutcome) {
    switch outcome {
    case .crawled: self = .audited
    case .unreachable: self = .unreachable
    case .closedByRobots: self = .closedByRobots
    case .incomplete: self = .incomplete
    }
  }
}
