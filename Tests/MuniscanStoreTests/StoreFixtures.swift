import Foundation
import MuniscanCore

/// Small scorecards and temporary store files for the store tests.
enum StoreFixtures {
  /// A fresh path in the temporary folder; the caller removes it (and its -wal, -shm files).
  static func temporaryPath() -> String {
    NSTemporaryDirectory() + "muniscan-store-\(UUID().uuidString).sqlite"
  }

  static func remove(_ path: String) {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }

  /// A scorecard of `sites` (name, url, total, statuses of rules r1, r2, …), ranked as given.
  static func scorecard(
    asOf: String, ruleSet: String = "ee", sites: [(String, String, Double, [FindingStatus])]
  ) -> Scorecard {
    let results = sites.enumerated().map { index, site in
      SiteResult(
        site: Site(name: site.0, url: site.1), outcome: .crawled, pagesCrawled: 3, total: site.2,
        band: BandThresholds().band(for: site.2), areas: [AreaScore(area: "a", score: site.2)],
        findings: site.3.enumerated().map { rule, status in
          Finding(
            ruleID: "r\(rule + 1)", area: "a", weight: 1, status: status,
            reason: Reason(.noEvidence, ["pages": "3"]),
            evidence: [])
        },
        rank: index + 1)
    }
    return Scorecard(
      ruleSetID: ruleSet, ruleSetVersion: "1", asOf: Day(iso: asOf)!,
      areas: [AreaInfo(id: "a", title: LocalizedText(["et": "A", "en": "A"]))], criteria: [],
      sites: results)
  }
}
