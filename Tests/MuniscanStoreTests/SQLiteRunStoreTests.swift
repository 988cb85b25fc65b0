import Foundation
import GRDB
import MuniscanCore
import MuniscanStore
import Testing

@Suite struct SQLiteRunStoreTests {
  let path = StoreFixtures.temporaryPath()

  func withStore<T>(_ body: (SQLiteRunStore) throws -> T) throws -> T {
    defer { StoreFixtures.remove(path) }
    return try body(try SQLiteRunStore(path: path))
  }

  @Test func aStoredScorecardComesBackAsItWasJudged() throws {
    try withStore { store in
      var card = StoreFixtures.scorecard(
        asOf: "2026-11-20",
        sites: [("Elva vald", "https://www.elva.ee/", 80, [.pass, .partial, .unknown])])
      card.sites[0].trend = [
        TrendPoint(runID: "2026-10-20", asOf: Day(iso: "2026-10-20")!, total: 70, rank: 1)
      ]
      card.comparison = Comparison(previousRunID: "x", previousAsOf: card.asOf, sites: [])
      let id = try store.save(card)
      #expect(id == "2026-11-20")
      var expected = card
      expected.runID = id
      expected.comparison = nil
      expected.sites[0].trend = nil
      #expect(try store.scorecard(runID: id) == expected)
    }
  }

  @Test func runIDsAreTheAuditDateWithASuffixWhenTaken() throws {
    try withStore { store in
      let november = StoreFixtures.scorecard(asOf: "2026-11-20", sites: [])
      let december = StoreFixtures.scorecard(asOf: "2026-12-20", sites: [])
      let ids = try [november, november, december, november].map { try store.save($0) }
      #expect(ids == ["2026-11-20", "2026-11-20-2", "2026-12-20", "2026-11-20-3"])
    }
  }

  @Test func runsAreListedInTheOrderTheyWereStored() throws {
    try withStore { store in
      _ = try store.save(
        StoreFixtures.scorecard(
          asOf: "2026-12-20",
          sites: [("A", "https://a.ee/", 90, []), ("B", "https://b.ee/", 45.5, [])]))
      _ = try store.save(
        StoreFixtures.scorecard(asOf: "2026-11-20", ruleSet: "en-generic", sites: []))
      let runs = try store.runs()
      #expect(runs.map(\.id) == ["2026-12-20", "2026-11-20"])
      #expect(runs[0].siteCount == 2)
      #expect(runs[0].meanTotal == 67.8)
      #expect(runs[0].ruleSetID == "ee")
      #expect(runs[1].ruleSetID == "en-generic")
      #expect(runs[1].meanTotal == 0)
      #expect(runs.allSatisfy { $0.createdAt.hasSuffix("Z") })
    }
  }

  @Test func thePreviousRunIsTheLatestEarlierOneOfTheSameRuleSet() throws {
    try withStore { store in
      let first = try store.save(StoreFixtures.scorecard(asOf: "2026-10-20", sites: []))
      let other = try store.save(
        StoreFixtures.scorecard(asOf: "2026-11-01", ruleSet: "en-generic", sites: []))
      let second = try store.save(StoreFixtures.scorecard(asOf: "2026-11-20", sites: []))
      #expect(try store.previousRun(before: second)?.id == first)
      #expect(try store.previousRun(before: first) == nil)
      #expect(try store.previousRun(before: other) == nil)
    }
  }

  @Test func aTrendFollowsTheSiteByHostThroughEarlierRunsOfTheRuleSet() throws {
    try withStore { store in
      let site = { (url: String, total: Double) in ("Elva", url, total, [FindingStatus]()) }
      let other = ("Other", "https://x.ee/", 99.0, [FindingStatus]())
      _ = try store.save(
        StoreFixtures.scorecard(
          asOf: "2026-09-20", sites: [other, site("http://www.elva.ee:8080/", 50)]))
      _ = try store.save(
        StoreFixtures.scorecard(
          asOf: "2026-10-01", ruleSet: "en-generic", sites: [site("https://elva.ee/", 1)]))
      _ = try store.save(
        StoreFixtures.scorecard(asOf: "2026-10-20", sites: [site("https://elva.ee/", 60)]))
      _ = try store.save(StoreFixtures.scorecard(asOf: "2026-11-20", sites: [other]))
      let current = try store.save(
        StoreFixtures.scorecard(asOf: "2026-12-20", sites: [site("https://www.elva.ee/", 70)]))
      _ = try store.save(
        StoreFixtures.scorecard(asOf: "2027-01-20", sites: [site("https://www.elva.ee/", 80)]))
      let trend = try store.trend(siteKey: "elva.ee", before: current)
      #expect(trend.map(\.runID) == ["2026-09-20", "2026-10-20"])
      #expect(trend.map(\.total) == [50, 60])
      #expect(trend.map(\.rank) == [2, 1])
      #expect(trend.map(\.asOf.description) == ["2026-09-20", "2026-10-20"])
      #expect(try store.trend(siteKey: "nowhere.ee", before: current).isEmpty)
    }
  }

  @Test func siteResultsAndFindingsCanBeQueriedWithSQL() throws {
    try withStore { store in
      let id = try store.save(
        StoreFixtures.scorecard(
          asOf: "2026-11-20",
          sites: [
            ("A", "https://a.ee/", 90, [.pass, .fail]),
            ("B", "https://www.b.ee/", 40, [.partial, .pass]),
          ]))
      let rows = try DatabaseQueue(path: path).read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT site_results.name, site_results.site_key, site_results.band, findings.status
            FROM findings JOIN site_results
              ON site_results.run_id = findings.run_id AND site_results.position = findings.position
            WHERE findings.run_id = ? AND findings.rule_id = 'r1' ORDER BY site_results.rank
            """, arguments: [id])
      }
      #expect(rows.map { $0["name"] as String } == ["A", "B"])
      #expect(rows.map { $0["site_key"] as String } == ["a.ee", "b.ee"])
      #expect(rows.map { $0["band"] as String } == ["green", "red"])
      #expect(rows.map { $0["status"] as String } == ["pass", "partial"])
    }
  }

  @Test func aFreshFileGetsTheTablesAndKeepsItsRunsWhenOpenedAgain() throws {
    defer { StoreFixtures.remove(path) }
    #expect(try SQLiteRunStore(path: path).runs().isEmpty)
    let header = try #require(FileManager.default.contents(atPath: path))
    #expect(header.starts(with: Array("SQLite format 3\0".utf8)))
    let (tables, journal) = try DatabaseQueue(path: path).read { db in
      (
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"),
        try String.fetchOne(db, sql: "PRAGMA journal_mode")
      )
    }
    #expect(
      Set(tables).isSuperset(of: [
        "runs", "run_scorecards", "site_results", "findings", "grdb_migrations",
      ]))
    #expect(journal == "wal")
    _ = try SQLiteRunStore(path: path).save(StoreFixtures.scorecard(asOf: "2026-11-20", sites: []))
    #expect(try SQLiteRunStore(path: path, create: false).runs().map(\.id) == ["2026-11-20"])
  }

  @Test func aFileThatIsNotSQLiteIsOneClearError() throws {
    defer { StoreFixtures.remove(path) }
    try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: StoreError.self) { try SQLiteRunStore(path: path) }
    #expect(error?.description == "\(path): not a run store (not an SQLite database)")
  }

  @Test func anotherProgramsSQLiteDatabaseIsRefusedAndLeftAlone() throws {
    defer { StoreFixtures.remove(path) }
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "CREATE TABLE notes (text TEXT)")
    }
    let error = #expect(throws: StoreError.self) { try SQLiteRunStore(path: path) }
    #expect(
      error?.description
        == "\(path): an SQLite database without muniscan's run tables, not a run store")
    let tables = try DatabaseQueue(path: path).read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    #expect(tables == ["notes"])
  }

  @Test func aStoreFromANewerMuniscanIsRefused() throws {
    defer { StoreFixtures.remove(path) }
    _ = try SQLiteRunStore(path: path)
    try DatabaseQueue(path: path).write { db in
      try db.execute(
        sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
    }
    let error = #expect(throws: StoreError.self) { try SQLiteRunStore(path: path) }
    #expect(
      error?.description == "\(path): written by a newer muniscan; upgrade muniscan to read it")
  }

  @Test func aMissingStoreIsNotCreatedWhenOnlyRead() throws {
    let error = #expect(throws: StoreError.self) { try SQLiteRunStore(path: path, create: false) }
    #expect(error?.description == "\(path): no such run store")
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func anUnknownRunIDIsOneClearError() throws {
    try withStore { store in
      _ = try store.save(StoreFixtures.scorecard(asOf: "2026-11-20", sites: []))
      let message = "\(path): no run '2025-01-01' (see 'muniscan runs list --store \(path)')"
      let actions: [() throws -> Void] = [
        { _ = try store.scorecard(runID: "2025-01-01") },
        { _ = try store.previousRun(before: "2025-01-01") },
        { _ = try store.trend(siteKey: "a.ee", before: "2025-01-01") },
      ]
      for action in actions {
        let error = #expect(throws: StoreError.self) { try action() }
        #expect(error?.description == message)
      }
    }
  }
}
