import Foundation
import MuniscanCore
import MuniscanStore
import Testing

/// Sites that were not audited in the run store: their status kept, no rank, total or band,
/// left out of a run's mean and of trends, the same from SQLite and from PostgreSQL, and a store
/// of the first schema brought up to date.
@Suite struct SiteStatusStoreTests {
  static let refused = CrawlOutcome.unreachable(reason: "https://b.ee/: connection refused")

  /// Audited sites of `audited` (name, url, total), then `notAudited` (name, url, outcome).
  static func scorecard(
    asOf: String, audited: [(String, String, Double)],
    notAudited: [(String, String, CrawlOutcome)] = []
  ) -> Scorecard {
    var card = StoreFixtures.scorecard(
      asOf: asOf, sites: audited.map { ($0.0, $0.1, $0.2, [FindingStatus.pass]) })
    card.sites += notAudited.map { name, url, outcome in
      SiteResult(
        site: Site(name: name, url: url), outcome: outcome, pagesCrawled: 0, total: nil,
        areas: [],
        findings: [
          Finding(
            ruleID: "r1", area: "a", weight: 1, status: .unknown,
            reason: Reason(.notCrawled, ["detail": "timeout"]), evidence: [])
        ])
    }
    return card
  }

  @Test(arguments: StoreBackend.allCases)
  func aSiteNotAuditedIsStoredWithItsStatusAndNoScore(_ backend: StoreBackend) async throws {
    try await backend.withStore { store, harness in
      let card = Self.scorecard(
        asOf: "2026-11-20", audited: [("A", "https://a.ee/", 90), ("C", "https://c.ee/", 45.5)],
        notAudited: [
          ("B", "https://b.ee/", Self.refused),
          ("D", "https://d.ee/", .closedByRobots(reason: "robots.txt disallows crawling")),
        ])
      let id = try await store.save(card)
      let rows = try await harness.rows(
        """
        SELECT status,
          CASE WHEN rank IS NULL AND total IS NULL AND band IS NULL THEN 'no score' ELSE 'scored' END
        FROM site_results WHERE run_id = '\(id)' ORDER BY position
        """)
      #expect(rows.map { $0[0] } == ["audited", "audited", "unreachable", "closedByRobots"])
      #expect(rows.map { $0[1] } == ["scored", "scored", "no score", "no score"])
      let runs = try await store.runs()
      #expect(runs[0].siteCount == 4)
      #expect(runs[0].auditedCount == 2)
      #expect(runs[0].meanTotal == 67.8, "the mean of the audited sites, not of 90, 45.5, 0, 0")
      let back = try await store.scorecard(runID: id)
      #expect(back.sites.map(\.status) == [.audited, .audited, .unreachable, .closedByRobots])
      #expect(back.sites.map(\.total) == [90, 45.5, nil, nil])
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func aRunThatDidNotAuditTheSiteIsAGapInItsTrend(_ backend: StoreBackend) async throws {
    try await backend.withStore { store, _ in
      _ = try await store.save(
        Self.scorecard(asOf: "2026-09-20", audited: [("B", "https://b.ee/", 50)]))
      _ = try await store.save(
        Self.scorecard(
          asOf: "2026-10-20", audited: [("A", "https://a.ee/", 90)],
          notAudited: [("B", "https://b.ee/", Self.refused)]))
      let current = try await store.save(
        Self.scorecard(asOf: "2026-11-20", audited: [("B", "https://b.ee/", 60)]))
      let trend = try await store.trend(siteKey: "b.ee", before: current)
      #expect(trend.map(\.runID) == ["2026-09-20"])
      #expect(trend.map(\.total) == [50])
      let everyoneDown = try await store.save(
        Self.scorecard(
          asOf: "2026-12-20", audited: [], notAudited: [("B", "https://b.ee/", Self.refused)]))
      let runs = try await store.runs()
      #expect(runs.last?.id == everyoneDown)
      #expect(runs.last?.auditedCount == 0)
      #expect(runs.last?.meanTotal == nil)
    }
  }

  /// The first schema's tables, as both stores made them, with one run: a site audited at 80
  /// and one closed by robots.txt that was stored with 0, red, rank 2 and a mean of 40.
  static func firstSchema(_ backend: StoreBackend) -> [String] {
    let migrations =
      backend == .sqlite
      ? [
        "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)",
        "INSERT INTO grdb_migrations VALUES ('v1: runs, scorecards, site results, findings')",
      ]
      : [
        """
        CREATE TABLE schema_migrations (
          identifier text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
        """,
        """
        INSERT INTO schema_migrations (identifier)
        VALUES ('v1: runs, scorecards, site results, findings')
        """,
      ]
    let site = { (name: String, outcome: String, total: Int, band: String, rank: Int) in
      """
      {"site":{"name":"\(name)","url":"https://\(name).ee/","attributes":{}},\
      "outcome":\(outcome),"pagesCrawled":0,"total":\(total),"band":"\(band)","areas":[],\
      "findings":[],"rank":\(rank),"crawl":{"requests":1,"errors":0,"robotsExcluded":0,"bytes":0}}
      """
    }
    let json = """
      {"schemaVersion":1,"ruleSetID":"ee","ruleSetVersion":"1","asOf":"2026-10-20","areas":[],\
      "criteria":[],"bands":{"green":80,"yellow":50},"sites":[\(site("a", #"{"crawled":{}}"#, 80, "green", 1)),\
      \(site("d", #"{"closedByRobots":{"reason":"robots.txt disallows crawling"}}"#, 0, "red", 2))]}
      """
    return migrations + [
      """
      CREATE TABLE runs (
        id text PRIMARY KEY, sequence bigint NOT NULL UNIQUE, created_at text NOT NULL,
        as_of text NOT NULL, rule_set_id text NOT NULL, rule_set_version text NOT NULL,
        site_count bigint NOT NULL, mean_total double precision NOT NULL)
      """,
      """
      CREATE TABLE run_scorecards (
        run_id text PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE, json text NOT NULL)
      """,
      """
      CREATE TABLE site_results (
        run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        position bigint NOT NULL, site_key text NOT NULL, url text NOT NULL, name text NOT NULL,
        rank bigint NOT NULL, total double precision NOT NULL, band text NOT NULL,
        reachable boolean NOT NULL, PRIMARY KEY (run_id, position))
      """,
      """
      CREATE TABLE findings (
        run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        position bigint NOT NULL, site_url text NOT NULL, rule_id text NOT NULL,
        status text NOT NULL, weight double precision NOT NULL,
        PRIMARY KEY (run_id, position, rule_id))
      """,
      """
      INSERT INTO runs VALUES
        ('2026-10-20', 1, '2026-10-20T06:00:00Z', '2026-10-20', 'ee', '1', 2, 40)
      """,
      "INSERT INTO run_scorecards VALUES ('2026-10-20', '\(json)')",
      """
      INSERT INTO site_results VALUES
        ('2026-10-20', 0, 'a.ee', 'https://a.ee/', 'a', 1, 80, 'green', TRUE),
        ('2026-10-20', 1, 'd.ee', 'https://d.ee/', 'd', 2, 0, 'red', FALSE)
      """,
    ]
  }

  @Test(arguments: StoreBackend.allCases)
  func aStoreOfTheFirstSchemaLosesTheZerosOfSitesNotAudited(_ backend: StoreBackend)
    async throws
  {
    try await backend.withLocation { harness in
      for statement in Self.firstSchema(backend) { try await harness.rows(statement) }
      let store = try await harness.open()
      let runs = try await store.runs()
      #expect(runs.map(\.auditedCount) == [1])
      #expect(runs.map(\.meanTotal) == [80])
      let rows = try await harness.rows(
        """
        SELECT status, CASE WHEN rank IS NULL AND total IS NULL AND band IS NULL
          THEN 'no score' ELSE 'scored' END
        FROM site_results ORDER BY position
        """)
      #expect(rows == [["audited", "scored"], ["closedByRobots", "no score"]])
      let card = try await store.scorecard(runID: "2026-10-20")
      #expect(card.schemaVersion == Scorecard.currentSchemaVersion)
      #expect(card.sites.map(\.total) == [80, nil])
      #expect(card.sites.map(\.status) == [.audited, .closedByRobots])
      let next = try await store.save(
        Self.scorecard(asOf: "2026-11-20", audited: [("D", "https://d.ee/", 70)]))
      #expect(try await store.trend(siteKey: "d.ee", before: next).isEmpty)
    }
  }
}
