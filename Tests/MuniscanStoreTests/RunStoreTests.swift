import Foundation
import MuniscanCore
import MuniscanStore
import Testing

/// The run store's answers, the same from SQLite and from PostgreSQL.
@Suite struct RunStoreTests {
  @Test(arguments: StoreBackend.allCases)
  func aStoredScorecardComesBackAsItWasJudged(_ backend: StoreBackend) async throws {
    try await backend.withStore { store, _ in
      var card = StoreFixtures.scorecard(
        asOf: "2026-11-20",
        sites: [("Elva vald", "https://www.elva.ee/", 80, [.pass, .partial, .unknown])])
      card.sites[0].trend = [
        TrendPoint(runID: "2026-10-20", asOf: Day(iso: "2026-10-20")!, total: 70, rank: 1)
      ]
      card.comparison = Comparison(previousRunID: "x", previousAsOf: card.asOf, sites: [])
      let id = try await store.save(card)
      #expect(id == "2026-11-20")
      var expected = card
      expected.runID = id
      expected.comparison = nil
      expected.sites[0].trend = nil
      #expect(try await store.scorecard(runID: id) == expected)
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func runIDsAreTheAuditDateWithASuffixWhenTaken(_ backend: StoreBackend) async throws {
    try await backend.withStore { store, _ in
      let november = StoreFixtures.scorecard(asOf: "2026-11-20", sites: [])
      let december = StoreFixtures.scorecard(asOf: "2026-12-20", sites: [])
      var ids: [String] = []
      for card in [november, november, december, november] {
        ids.append(try await store.save(card))
      }
      #expect(ids == ["2026-11-20", "2026-11-20-2", "2026-12-20", "2026-11-20-3"])
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func runsAreListedInTheOrderTheyWereStored(_ backend: StoreBackend) async throws {
    try await backend.withStore { store, _ in
      _ = try await store.save(
        StoreFixtures.scorecard(
          asOf: "2026-12-20",
          sites: [("A", "https://a.ee/", 90, []), ("B", "https://b.ee/", 45.5, [])]))
      _ = try await store.save(
        StoreFixtures.scorecard(asOf: "2026-11-20", ruleSet: "en-generic", sites: []))
      let runs = try await store.runs()
      #expect(runs.map(\.id) == ["2026-12-20", "2026-11-20"])
      #expect(runs[0].siteCount == 2)
      #expect(runs[0].meanTotal == 67.8)
      #expect(runs[0].ruleSetID == "ee")
      #expect(runs[1].ruleSetID == "en-generic")
      #expect(runs[1].meanTotal == nil, "a run of no audited site has no mean")
      #expect(runs.allSatisfy { $0.createdAt.hasSuffix("Z") })
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func thePreviousRunIsTheLatestEarlierOneOfTheSameRuleSet(_ backend: StoreBackend) async throws {
    try await backend.withStore { store, _ in
      let first = try await store.save(StoreFixtures.scorecard(asOf: "2026-10-20", sites: []))
      let other = try await store.save(
        StoreFixtures.scorecard(asOf: "2026-11-01", ruleSet: "en-generic", sites: []))
      let second = try await store.save(StoreFixtures.scorecard(asOf: "2026-11-20", sites: []))
      #expect(try await store.previousRun(before: second)?.id == first)
      #expect(try await store.previousRun(before: first) == nil)
      #expect(try await store.previousRun(before: other) == nil)
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func aTrendFollowsTheSiteByHostThroughEarlierRunsOfTheRuleSet(_ backend: StoreBackend)
    async throws
  {
    try await backend.withStore { store, _ in
      let site = { (url: String, total: Double) in ("Elva", url, total, [FindingStatus]()) }
      let other = ("Other", "https://x.ee/", 99.0, [FindingStatus]())
      _ = try await store.save(
        StoreFixtures.scorecard(
          asOf: "2026-09-20", sites: [other, site("http://www.elva.ee:8080/", 50)]))
      _ = try await store.save(
        StoreFixtures.scorecard(
          asOf: "2026-10-01", ruleSet: "en-generic", sites: [site("https://elva.ee/", 1)]))
      _ = try await store.save(
        StoreFixtures.scorecard(asOf: "2026-10-20", sites: [site("https://elva.ee/", 60)]))
      _ = try await store.save(StoreFixtures.scorecard(asOf: "2026-11-20", sites: [other]))
      let current = try await store.save(
        StoreFixtures.scorecard(asOf: "2026-12-20", sites: [site("https://www.elva.ee/", 70)]))
      _ = try await store.save(
        StoreFixtures.scorecard(asOf: "2027-01-20", sites: [site("https://www.elva.ee/", 80)]))
      let trend = try await store.trend(siteKey: "elva.ee", before: current)
      #expect(trend.map(\.runID) == ["2026-09-20", "2026-10-20"])
      #expect(trend.map(\.total) == [50, 60])
      #expect(trend.map(\.rank) == [2, 1])
      #expect(trend.map(\.asOf.description) == ["2026-09-20", "2026-10-20"])
      #expect(try await store.trend(siteKey: "nowhere.ee", before: current).isEmpty)
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func siteResultsAndFindingsCanBeQueriedWithSQL(_ backend: StoreBackend) async throws {
    try await backend.withStore { store, harness in
      let id = try await store.save(
        StoreFixtures.scorecard(
          asOf: "2026-11-20",
          sites: [
            ("A", "https://a.ee/", 90, [.pass, .fail]),
            ("B", "https://www.b.ee/", 40, [.partial, .pass]),
          ]))
      let rows = try await harness.rows(
        """
        SELECT site_results.name, site_results.site_key, site_results.band, findings.status
        FROM findings JOIN site_results
          ON site_results.run_id = findings.run_id AND site_results.position = findings.position
        WHERE findings.run_id = '\(id)' AND findings.rule_id = 'r1' ORDER BY site_results.rank
        """)
      #expect(rows.map { $0[0] } == ["A", "B"])
      #expect(rows.map { $0[1] } == ["a.ee", "b.ee"])
      #expect(rows.map { $0[2] } == ["green", "red"])
      #expect(rows.map { $0[3] } == ["pass", "partial"])
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func aFreshStoreGetsTheTablesAndKeepsItsRunsWhenOpenedAgain(_ backend: StoreBackend)
    async throws
  {
    try await backend.withLocation { harness in
      #expect(try await harness.open().runs().isEmpty)
      let tables = try await harness.rows(backend.tablesSQL).compactMap(\.first)
      #expect(
        Set(tables).isSuperset(of: [
          "runs", "run_scorecards", "site_results", "findings", backend.migrationsTable,
        ]))
      let migrations = try await harness.rows("SELECT identifier FROM \(backend.migrationsTable)")
      #expect(migrations.contains(["v1: runs, scorecards, site results, findings"]))
      _ = try await harness.open().save(StoreFixtures.scorecard(asOf: "2026-11-20", sites: []))
      #expect(try await harness.open(create: false).runs().map(\.id) == ["2026-11-20"])
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func anotherProgramsDatabaseIsRefusedAndLeftAlone(_ backend: StoreBackend) async throws {
    try await backend.withLocation { harness in
      // A table of muniscan's name that muniscan did not make (SQLite: any table at all).
      try await harness.rows("CREATE TABLE runs (note TEXT)")
      let error = await #expect(throws: StoreError.self) { try await harness.open() }
      let reason =
        switch backend {
        case .sqlite: "an SQLite database without muniscan's run tables, not a run store"
        case .postgres:
          "the database has a 'runs' table that muniscan did not make, not a run store"
        }
      #expect(error?.description == "\(harness.shown): \(reason)")
      #expect(try await harness.rows(backend.tablesSQL).compactMap(\.first) == ["runs"])
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func aStoreFromANewerMuniscanIsRefused(_ backend: StoreBackend) async throws {
    try await backend.withLocation { harness in
      _ = try await harness.open()
      try await harness.rows(
        "INSERT INTO \(backend.migrationsTable) (identifier) VALUES ('v99: from the future')")
      for create in [true, false] {
        let error = await #expect(throws: StoreError.self) {
          try await harness.open(create: create)
        }
        #expect(
          error?.description
            == "\(harness.shown): written by a newer muniscan; upgrade muniscan to read it")
      }
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func aMissingStoreIsNotCreatedWhenOnlyRead(_ backend: StoreBackend) async throws {
    try await backend.withLocation { harness in
      let error = await #expect(throws: StoreError.self) { try await harness.open(create: false) }
      #expect(error?.description == "\(harness.shown): no such run store")
      if backend == .sqlite {
        #expect(!FileManager.default.fileExists(atPath: harness.value))
      } else {
        let tables = try await harness.rows(backend.tablesSQL)
        #expect(tables.isEmpty)
      }
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func aStoreOpenedOnlyToReadNeverWrites(_ backend: StoreBackend) async throws {
    try await backend.withLocation { harness in
      _ = try await harness.open().save(StoreFixtures.scorecard(asOf: "2026-11-20", sites: []))
      let reader = try await harness.open(create: false)
      let error = await #expect(throws: StoreError.self) {
        try await reader.save(StoreFixtures.scorecard(asOf: "2026-12-20", sites: []))
      }
      #expect(error?.description.hasPrefix("\(harness.shown): ") == true)
      #expect(try await reader.runs().map(\.id) == ["2026-11-20"])
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func anUnknownRunIDIsOneClearError(_ backend: StoreBackend) async throws {
    try await backend.withStore { store, harness in
      _ = try await store.save(StoreFixtures.scorecard(asOf: "2026-11-20", sites: []))
      let shown = harness.shown
      let message = "\(shown): no run '2025-01-01' (see 'muniscan runs list --store \(shown)')"
      let actions: [@Sendable () async throws -> Void] = [
        { _ = try await store.scorecard(runID: "2025-01-01") },
        { _ = try await store.previousRun(before: "2025-01-01") },
        { _ = try await store.trend(siteKey: "a.ee", before: "2025-01-01") },
      ]
      for action in actions {
        let error = await #expect(throws: StoreError.self) { try await action() }
        #expect(error?.description == message)
      }
    }
  }
}

extension StoreBackend {
  /// SQL listing the tables of the store's database.
  var tablesSQL: String {
    switch self {
    case .sqlite:
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    case .postgres:
      "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()"
    }
  }

  /// The table recording the applied migrations.
  var migrationsTable: String {
    switch self {
    case .sqlite: "grdb_migrations"
    case .postgres: "schema_migrations"
    }
  }
}
