import Foundation
import MuniscanCore
import MuniscanTestSupport
import Testing

/// The run history end to end: `--store`, `report --compare`, `runs list`, `run` and
/// `--fail-under`, on fixture sites that change between two runs.
@Suite(.serialized) struct HistoryCommandTests {
  /// Pages hidden in the first run: Tamme linn's council page (its interests and salaries
  /// criteria fail).
  static let firstMonth = ["tammelinn.ee": ["/linnavalitsus"]]
  /// Pages hidden in the second run: Näidisvald's budget, grants and government pages.
  static let secondMonth = ["naidisvald.ee": ["/et/eelarve", "/et/toetused", "/et/vallavalitsus"]]
  static let hosts = ["tammelinn.ee", "naidisvald.ee"]

  let folder = NSTemporaryDirectory() + "muniscan-history-\(UUID().uuidString)"
  var store: String { folder + "/runs.sqlite" }

  init() throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  func cleanUp() { try? FileManager.default.removeItem(atPath: folder) }

  /// A sites file naming the two fixture sites on `port`.
  func sitesFile(port: Int) throws -> String {
    let path = folder + "/sites-\(port).csv"
    try
      "name,url\nTamme linn,http://www.tammelinn.ee:\(port)/\nNäidisvald,http://www.naidisvald.ee:\(port)/\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// `command` over the two fixture sites, with some pages hidden.
  func crawl(
    _ command: String, hiding hidden: [String: [String]], asOf: String = "2026-11-20",
    _ extra: [String] = []
  ) async throws -> CommandRunner.Outcome {
    try await CommandRunner.withFixtureSites(hiding: hidden) { port in
      await CommandRunner.run(
        [command, "--sites", try sitesFile(port: port), "--delay", "0", "--as-of", asOf] + extra
          + CommandRunner.resolve(Self.hosts, port: port))
    }
  }

  func decode(_ json: String) throws -> Scorecard {
    try JSONDecoder().decode(Scorecard.self, from: Data(json.utf8))
  }

  @Test func twoStoredScansReportRankChangesAndTheCriteriaGainedAndLost() async throws {
    defer { cleanUp() }
    let first = try await crawl("scan", hiding: Self.firstMonth, ["--store", store])
    #expect(first.error == nil, "\(first.message)")
    #expect(first.notes == "stored run 2026-11-20 in \(store)\n")
    let second = try await crawl("scan", hiding: Self.secondMonth, ["--store", store])
    #expect(second.notes == "stored run 2026-11-20-2 in \(store)\n")

    let report = await CommandRunner.run(
      ["report", "--store", store, "--compare", "previous", "--format", "json"])
    #expect(report.error == nil, "\(report.message)")
    let card = try decode(report.output)
    #expect(card.runID == "2026-11-20-2")
    let comparison = try #require(card.comparison)
    #expect(comparison.previousRunID == "2026-11-20")
    #expect(comparison.removedSites.isEmpty)
    let tamme = try #require(card.sites.first { $0.site.name == "Tamme linn" })
    let naidis = try #require(card.sites.first { $0.site.name == "Näidisvald" })
    let tammeChange = try #require(comparison.sites.first { $0.url == tamme.site.url })
    let naidisChange = try #require(comparison.sites.first { $0.url == naidis.site.url })
    #expect(tamme.rank == 1 && tammeChange.previousRank == 2)
    #expect(naidis.rank == 2 && naidisChange.previousRank == 1)
    #expect(tammeChange.gained.map(\.ruleID).contains("integrity.interests"))
    #expect(tammeChange.gained.allSatisfy { $0.from == .fail })
    #expect(tammeChange.lost.isEmpty)
    #expect(naidisChange.lost.map(\.ruleID).contains("funding.apply"))
    #expect(naidisChange.gained.isEmpty)
    #expect(try #require(tammeChange.previousTotal) < #require(tamme.total))
    #expect(
      tamme.trend == [
        TrendPoint(
          runID: "2026-11-20", asOf: Day(iso: "2026-11-20")!, total: tammeChange.previousTotal!,
          rank: 2)
      ])

    let terminal = await CommandRunner.run(
      ["report", "--store", store, "--run", "latest", "--compare", "2026-11-20"])
    #expect(terminal.output.contains("Changes since 2026-11-20"))
    #expect(terminal.output.contains("▲ gained: integrity.interests (fail → pass)"))
    #expect(terminal.output.contains("▼ lost: funding.apply (pass → fail)"))

    let earlier = await CommandRunner.run(
      ["report", "--store", store, "--run", "2026-11-20", "--format", "json"])
    let earlierCard = try decode(earlier.output)
    #expect(earlierCard.runID == "2026-11-20")
    #expect(earlierCard.comparison == nil)
    #expect(earlierCard.sites.allSatisfy { $0.trend == [] })

    let list = await CommandRunner.run(["runs", "list", "--store", store])
    let lines = list.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("run           audit date  rule set"))
    #expect(lines[1].hasPrefix("2026-11-20    2026-11-20  ee "))
    #expect(lines[2].hasPrefix("2026-11-20-2  2026-11-20  ee "))
    let json = await CommandRunner.run(["runs", "list", "--store", store, "--format", "json"])
    let runs = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
    #expect(runs.map { $0["id"] as? String } == ["2026-11-20", "2026-11-20-2"])
    #expect(runs.map { $0["siteCount"] as? Int } == [2, 2])

    let gate = await CommandRunner.run(["report", "--store", store, "--fail-under", "100"])
    #expect(gate.exitCode == 2)
    #expect(gate.notes.hasPrefix("fail-under: 2 of 2 audited sites are below 100: Tamme linn "))
  }

  @Test func runStoresComparesAndWritesEveryReport() async throws {
    defer { cleanUp() }
    let out = folder + "/public"
    let first = try await crawl(
      "run", hiding: Self.firstMonth, asOf: "2026-10-20",
      ["--store", store, "--out", out, "--format", "json"])
    #expect(first.error == nil, "\(first.message)")
    #expect(first.notes.hasPrefix("stored run 2026-10-20 in \(store)\n"))
    #expect(!first.notes.contains("compared with"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["scorecard.json"])
    #expect(
      try decode(String(contentsOfFile: out + "/scorecard.json", encoding: .utf8)).comparison == nil
    )

    let second = try await crawl(
      "run", hiding: [:], asOf: "2026-11-20",
      ["--store", store, "--out", out, "--html", out + "/html", "--fail-under", "100"])
    #expect(
      second.notes.contains("stored run 2026-11-20 in \(store)\ncompared with run 2026-10-20\n"))
    #expect(second.output.contains("Changes since 2026-10-20"), "the ranking with the changes")
    #expect(second.output.contains("   1  "))
    let written = second.notes.split(separator: "\n").filter { $0.hasPrefix("wrote ") }
      .map { String($0.dropFirst("wrote ".count)) }
    let expected =
      ["scorecard.json", "scorecard.csv", "scorecard-wide.csv", "scorecard.md", "junit.xml"]
      .map { out + "/" + $0 } + [out + "/html/index.html"]
    #expect(written == expected)
    for path in written { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
    #expect(!FileManager.default.fileExists(atPath: out + "/index.html"), "html went to --html")

    let card = try decode(String(contentsOfFile: out + "/scorecard.json", encoding: .utf8))
    #expect(card.runID == "2026-11-20")
    #expect(card.comparison?.previousRunID == "2026-10-20")
    #expect(card.sites.allSatisfy { $0.trend?.map(\.runID) == ["2026-10-20"] })
    let markdown = try String(contentsOfFile: out + "/scorecard.md", encoding: .utf8)
    #expect(markdown.contains("### Changes since 2026-10-20"))
    #expect(markdown.contains("Tamme linn"))
    let pages = try FileManager.default.contentsOfDirectory(atPath: out + "/html/sites")
    let tammePage = try #require(pages.first { $0.hasPrefix("tammelinn-ee") })
    let page = try String(contentsOfFile: out + "/html/sites/" + tammePage, encoding: .utf8)
    #expect(page.contains("Total over time"), "the site's trend")
    // Both sites are below --fail-under 100: exit status 2, with every file written.
    #expect(second.exitCode == 2)
    #expect(
      second.notes.hasSuffix(
        "fail-under: 2 of 2 audited sites are below 100: "
          + card.sites.map { "\($0.site.name) \(String(format: "%.1f", $0.total ?? 0))" }.joined(
            separator: ", ") + "\n"))
  }

  @Test func aScoredArchiveIsStoredAndCanBeReportedAgain() async throws {
    defer { cleanUp() }
    let archive = folder + "/archive"
    let crawl = try await CommandRunner.withFixtureSites { port in
      await CommandRunner.run(
        ["crawl", "--sites", try sitesFile(port: port), "--out", archive, "--delay", "0"]
          + CommandRunner.resolve(Self.hosts, port: port))
    }
    #expect(crawl.error == nil, "\(crawl.message)")
    let score = await CommandRunner.run(
      [
        "score", archive, "--as-of", "2026-11-20", "--format", "json", "--store", store,
        "--fail-under", "100",
      ])
    #expect(score.exitCode == 2)
    #expect(
      score.notes.contains("\nstored run 2026-11-20 in \(store)\nfail-under: 2 of 2 audited sites"))
    let report = await CommandRunner.run(["report", "--store", store, "--format", "json"])
    var reported = try decode(report.output)
    #expect(reported.sites.allSatisfy { $0.trend == [] }, "no earlier runs")
    for index in reported.sites.indices { reported.sites[index].trend = nil }
    #expect(reported == (try decode(score.output)))
  }

  @Test func theSameInputsGiveTheSameBytes() async throws {
    defer { cleanUp() }
    let outcomes = try await CommandRunner.withFixtureSites { port in
      var outcomes: [CommandRunner.Outcome] = []
      for name in ["a", "b"] {
        outcomes.append(
          await CommandRunner.run(
            [
              "run", "--sites", try sitesFile(port: port), "--delay", "0", "--as-of", "2026-11-20",
              "--store", folder + "/\(name).sqlite", "--out", folder + "/\(name)", "--format",
              "json,markdown",
            ] + CommandRunner.resolve(Self.hosts, port: port)))
      }
      return outcomes
    }
    #expect(outcomes.allSatisfy { $0.error == nil })
    #expect(outcomes[0].output == outcomes[1].output)
    for file in ["scorecard.json", "scorecard.md"] {
      let a = FileManager.default.contents(atPath: folder + "/a/" + file)
      let b = FileManager.default.contents(atPath: folder + "/b/" + file)
      #expect(a != nil && a == b, "\(file)")
    }
  }

  @Test func failUnderGivesExitStatusTwoWithOneLine() async throws {
    let (below, above) = try await CommandRunner.withFixtureSites { port in
      let audit =
        ["audit", "http://www.naidisvald.ee:\(port)/", "--delay", "0", "--as-of", "2026-11-20"]
        + CommandRunner.resolve(["naidisvald.ee"], port: port)
      return (
        await CommandRunner.run(audit + ["--fail-under", "99.5"]),
        await CommandRunner.run(audit + ["--fail-under", "50"])
      )
    }
    #expect(below.exitCode == 2)
    #expect(below.output.contains("What to fix:"), "the report is printed all the same")
    #expect(
      below.notes.range(
        of: #"^fail-under: naidisvald\.ee \d+\.\d is below 99\.5\n$"#, options: .regularExpression)
        != nil, "\(below.notes)")
    #expect(above.exitCode == 0)
    #expect(above.notes.isEmpty)
  }

  @Test func theExecutableExitsWithStatusTwoBelowFailUnder() async throws {
    let (status, errors) = try await CommandRunner.withFixtureSites { port in
      let result = try await ChildProcess.muniscan(
        ["audit", "http://www.pohjaranna.ee:\(port)/", "--delay", "0", "--fail-under", "50"]
          + CommandRunner.resolve(["pohjaranna.ee"], port: port)
      ).wait(seconds: 60)
      return (result.status, result.errors)
    }
    #expect(status == 2)
    let last = errors.split(separator: "\n").last ?? ""
    #expect(
      last.hasPrefix("fail-under: pohjaranna.ee ") && last.hasSuffix(" is below 50"), "\(errors)")
  }

  @Test func storeMistakesAreOneLine() async throws {
    defer { cleanUp() }
    let notAStore = folder + "/notes.txt"
    try "not a database, just notes\n".write(toFile: notAStore, atomically: true, encoding: .utf8)
    let first = try await crawl("scan", hiding: [:], ["--store", store, "--max-pages", "2"])
    #expect(first.error == nil)
    let cases: [([String], String)] = [
      (["report", "--store", store, "--run", "2026-01-01"], "\(store): no run '2026-01-01'"),
      (["report", "--store", store, "--compare", "previous"], "has no earlier run"),
      (["report", "--store", folder + "/missing.sqlite"], "missing.sqlite: no such run store"),
      (["runs", "list", "--store", notAStore], "\(notAStore): not a run store"),
      (["report", "--store", notAStore], "\(notAStore): not a run store"),
      (
        ["run", "--sites", "s.csv", "--store", store, "--out", folder, "--format", "pdf"],
        "unknown --format 'pdf'"
      ),
      (["run", "--sites", "s.csv", "--store", store, "--format", "json"], "give --out DIR"),
      (
        ["audit", "https://vald.ee/", "--fail-under", "101"],
        "--fail-under 101.0 is out of range: give a number from 0.0 to 100.0"
      ),
    ]
    for (arguments, message) in cases {
      let outcome = await CommandRunner.run(arguments)
      #expect(outcome.exitCode != 0 && outcome.exitCode != 2, "\(arguments)")
      #expect(outcome.message.contains(message), "\(arguments): \(outcome.message)")
      #expect(!outcome.message.contains("\n"))
    }
    #expect(!FileManager.default.fileExists(atPath: folder + "/missing.sqlite"))
    // A file that is not a run store stops `run` before any site is crawled.
    let refused = try await crawl("run", hiding: [:], ["--store", notAStore])
    #expect(refused.message.contains("\(notAStore): not a run store"))
    #expect(refused.output.isEmpty)
  }
}
