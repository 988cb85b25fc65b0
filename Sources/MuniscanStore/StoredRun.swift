import Foundation
import MuniscanCore

/// What every run store writes and reads the same way, whatever the database: the scorecard as
/// kept (without what depends on other runs), the rows derived from it, run ids, and the one-line
/// errors about runs. The SQLite and PostgreSQL stores differ only in how they talk to their
/// database.
enum StoredRun {
  /// The rows of one run, as both stores insert them.
  struct Rows {
    var run: RunRecord
    var scorecard: ScorecardRecord
    var sites: [SiteResultRecord]
    var findings: [FindingRecord]
  }

  /// The rows that store `scorecard` as run `id`, the `sequence`-th run stored. The scorecard is
  /// kept as it was judged: its comparison and trends are left out.
  static func rows(_ scorecard: Scorecard, id: String, sequence: Int, at date: Date) throws -> Rows
  {
    var stored = scorecard
    stored.runID = id
    stored.comparison = nil
    for index in stored.sites.indices { stored.sites[index].trend = nil }
    let totals = stored.sites.compactMap(\.total)
    let mean =
      totals.isEmpty ? nil : (totals.reduce(0, +) / Double(totals.count) * 10).rounded() / 10
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var sites: [SiteResultRecord] = []
    var findings: [FindingRecord] = []
    for (position, result) in stored.sites.enumerated() {
      sites.append(
        SiteResultRecord(
          runID: id, position: position, siteKey: result.site.historyKey, url: result.site.url,
          name: result.site.name, status: result.status.rawValue, rank: result.rank,
          total: result.total, band: result.band?.rawValue, reachable: result.isAudited))
      findings += result.findings.map { finding in
        FindingRecord(
          runID: id, position: position, siteURL: result.site.url, ruleID: finding.ruleID,
          status: finding.status.rawValue, weight: finding.weight)
      }
    }
    return Rows(
      run: RunRecord(
        id: id, sequence: sequence, createdAt: timestamp(date), asOf: stored.asOf.description,
        ruleSetID: stored.ruleSetID, ruleSetVersion: stored.ruleSetVersion,
        siteCount: stored.sites.count, auditedCount: totals.count, meanTotal: mean),
      scorecard: ScorecardRecord(
        runID: id, json: String(decoding: try encoder.encode(stored), as: UTF8.self)),
      sites: sites, findings: findings)
  }

  /// A new run's id: the audit date, or the date with the first suffix `-2`, `-3`, … not taken.
  static func id(for asOf: Day, taken: Set<String>) -> String {
    let base = asOf.description
    var candidate = base
    var suffix = 1
    while taken.contains(candidate) {
      suffix += 1
      candidate = "\(base)-\(suffix)"
    }
    return candidate
  }

  /// A stored scorecard read back, with its run id.
  static func scorecard(json: String, runID: String, store: String) throws -> Scorecard {
    do {
      var scorecard = try JSONDecoder().decode(Scorecard.self, from: Data(json.utf8))
      // A scorecard stored in an earlier schema reads as the current one (see `SiteResult`).
      scorecard.schemaVersion = Scorecard.currentSchemaVersion
      scorecard.runID = runID
      return scorecard
    } catch {
      throw StoreError("\(store): the scorecard of run '\(runID)' cannot be read (\(error))")
    }
  }

  /// The summary `runs list` shows of a stored run.
  static func summary(_ record: RunRecord, store: String) throws -> RunSummary {
    guard let asOf = Day(iso: record.asOf) else {
      throw StoreError("\(store): run '\(record.id)' has a malformed audit date '\(record.asOf)'")
    }
    return RunSummary(
      id: record.id, createdAt: record.createdAt, asOf: asOf,
      ruleSetID: record.ruleSetID, ruleSetVersion: record.ruleSetVersion,
      siteCount: record.siteCount, auditedCount: record.auditedCount, meanTotal: record.meanTotal)
  }

  /// A site's trend from its rows in earlier runs that audited it (run id, audit date, total,
  /// rank), ordered by run and then by position: the first row of each run counts.
  static func trend(_ rows: [(String, String, Double, Int)]) -> [TrendPoint] {
    var seen: Set<String> = []
    return rows.compactMap { id, asOf, total, rank in
      guard seen.insert(id).inserted, let day = Day(iso: asOf) else { return nil }
      return TrendPoint(runID: id, asOf: day, total: total, rank: rank)
    }
  }

  static func unknownRun(_ runID: String, store: String) -> StoreError {
    StoreError("\(store): no run '\(runID)' (see 'muniscan runs list --store \(store)')")
  }

  /// A time as the stores keep it: UTC, ISO 8601, to the second.
  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
