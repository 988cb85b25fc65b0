import GRDB

/// A row of `runs`: what `runs list` shows, and the order runs were stored in.
struct RunRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "runs"

  var id: String
  /// 1, 2, 3, … in the order runs were stored: what "previous" and "latest" follow.
  var sequence: Int
  var createdAt: String
  var asOf: String
  var ruleSetID: String
  var ruleSetVersion: String
  var siteCount: Int
  var auditedCount: Int
  /// Mean total of the audited sites; NULL when none was audited.
  var meanTotal: Double?

  enum CodingKeys: String, CodingKey {
    case id, sequence
    case createdAt = "created_at"
    case asOf = "as_of"
    case ruleSetID = "rule_set_id"
    case ruleSetVersion = "rule_set_version"
    case siteCount = "site_count"
    case auditedCount = "audited_count"
    case meanTotal = "mean_total"
  }
}

/// A row of `run_scorecards`: the whole scorecard JSON of a run, for exact re-rendering.
struct ScorecardRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "run_scorecards"

  var runID: String
  var json: String

  enum CodingKeys: String, CodingKey {
    case runID = "run_id"
    case json
  }
}

/// A row of `site_results`: one site's standing in one run, for trends and queries.
struct SiteResultRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "site_results"

  var runID: String
  /// The site's place in the run's list (best first), which keeps rows of sites sharing a
  /// history key apart.
  var position: Int
  var siteKey: String
  var url: String
  var name: String
  /// `SiteStatus`: `audited`, or why not.
  var status: String
  /// Rank, total and band are NULL for a site that was not audited.
  var rank: Int?
  var total: Double?
  var band: String?
  var reachable: Bool

  enum CodingKeys: String, CodingKey {
    case runID = "run_id"
    case position
    case siteKey = "site_key"
    case url, name, status, rank, total, band, reachable
  }
}

/// A row of `findings`: one criterion's verdict for one site in one run, for queries across runs.
struct FindingRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "findings"

  var runID: String
  var position: Int
  var siteURL: String
  var ruleID: String
  var status: String
  var weight: Double

  enum CodingKeys: String, CodingKey {
    case runID = "run_id"
    case position
    case siteURL = "site_url"
    case ruleID = "rule_id"
    case status, weight
  }
}
