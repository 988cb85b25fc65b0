import Foundation
import MuniscanCore
import MuniscanTestSupport
import Testing

/// `crawl`, `scan` and `score` with `--shard`, and `merge`: a country split over the tasks of a
/// job array ranks exactly as one machine's crawl of it.
@Suite struct ShardCommandTests {
  /// The fixture's sites by shard of 3 (SHA-256 of the registrable domain).
  static let shardsOfThree = [
    ["Tamme linn"], ["Vanaküla vald"], ["Mereranna vald", "Näidise vald"],
  ]

  /// The names of the sites an archive's manifest lists, sorted, and its shard's index.
  static func manifest(_ archive: String) throws -> (sites: [String], shard: Int?) {
    let data = try Data(contentsOf: URL(fileURLWithPath: archive + "/crawl.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let sites = (object["sites"] as? [[String: Any]] ?? []).compactMap {
      ($0["site"] as? [String: Any])?["name"] as? String
    }
    return (sites.sorted(), (object["shard"] as? [String: Any])?["index"] as? Int)
  }

  static func files(_ folder: String) -> [String] {
    ((try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  @Test func threeShardsMergedGiveTheUnshardedScorecard() async throws {
    let fixture = try await CrawlFixture.start()
    let whole = await CommandRunner.run(fixture.crawlArguments("whole", delay: "0"))
    var crawls: [CommandRunner.Outcome] = []
    for index in 1...3 {
      crawls.append(
        await CommandRunner.run(
          fixture.crawlArguments("shards", delay: "0") + ["--shard", "\(index)/3"]))
    }
    // No server from here on: merging and scoring need no network.
    try await fixture.server.stop()
    defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
    #expect(whole.error == nil, "\(whole.message)")
    let shards = (1...3).map { fixture.folder + "/shards/shard-\($0)-of-3" }
    for (index, crawl) in crawls.enumerated() {
      #expect(crawl.error == nil, "\(crawl.message)")
      #expect(crawl.notes.hasPrefix("shard \(index + 1) of 3: "), "\(crawl.notes)")
      #expect(crawl.output.hasSuffix("archive: \(shards[index])\n"))
      let manifest = try Self.manifest(shards[index])
      #expect(manifest.sites == Self.shardsOfThree[index] && manifest.shard == index + 1)
    }

    let expected = await fixture.score("whole")
    let merged = await CommandRunner.run(
      ["merge"] + shards + ["--as-of", "2026-11-20", "--format", "json"])
    #expect(merged.error == nil, "\(merged.message)")
    #expect(!expected.isEmpty && merged.output == expected)

    // One shard's own ranking, from the folder all shards share.
    let third = await CommandRunner.run([
      "score", fixture.folder + "/shards", "--shard", "3/3", "--as-of", "2026-11-20", "--format",
      "json",
    ])
    let card = try JSONDecoder().decode(Scorecard.self, from: Data(third.output.utf8))
    #expect(card.sites.map(\.site.name).sorted() == Self.shardsOfThree[2])

    let partial = await CommandRunner.run(["merge", shards[0], shards[2], "--format", "json"])
    #expect(partial.exitCode == 1)
    #expect(
      partial.message.contains("shard 2 of 3 of \(fixture.sitesFile) (4 sites, sha256:"),
      "\(partial.message)")
    let overlapping = await CommandRunner.run(["merge", fixture.folder + "/whole", shards[1]])
    #expect(overlapping.exitCode == 1)
    #expect(
      overlapping.message.hasPrefix("\(fixture.folder)/whole and \(shards[1]) both hold "),
      "\(overlapping.message)")
  }

  @Test func aShardScanReplacesItsReportFolderAsAWhole() async throws {
    let fixture = try await CrawlFixture.start()
    let reports = fixture.folder + "/reports"
    let scan = { (formats: String) in
      await CommandRunner.run(
        [
          "scan", "--sites", fixture.sitesFile, "--delay", "0", "--shard", "1/3", "--as-of",
          "2026-11-20", "--format", formats, "--out", reports, "--no-progress",
        ] + CommandRunner.resolve(CrawlFixture.hosts, port: fixture.server.port))
    }
    let first = await scan("json,csv")
    #expect(first.error == nil, "\(first.message)")
    let own = reports + "/shard-1-of-3"
    #expect(Self.files(own) == ["scorecard.csv", "scorecard.json"])
    let card = try JSONDecoder().decode(
      Scorecard.self, from: Data(contentsOf: URL(fileURLWithPath: own + "/scorecard.json")))
    #expect(card.sites.map(\.site.name) == Self.shardsOfThree[0])
    try "old".write(toFile: own + "/stale.txt", atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(
      atPath: reports + "/shard-2-of-3", withIntermediateDirectories: true)
    try "other".write(
      toFile: reports + "/shard-2-of-3/scorecard.md", atomically: true, encoding: .utf8)

    let rerun = await scan("markdown")
    try await fixture.server.stop()
    defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
    #expect(rerun.error == nil, "\(rerun.message)")
    #expect(
      Self.files(reports) == [
        "shard-1-of-3", "shard-1-of-3/scorecard.md", "shard-2-of-3", "shard-2-of-3/scorecard.md",
      ])
  }

  @Test(arguments: [
    (["--shard", "0/3"], "--shard 0/3: shard 0 of 3 does not exist: K counts from 1 to 3"),
    (["--shard", "4/3"], "--shard 4/3: shard 4 of 3 does not exist: K counts from 1 to 3"),
    (["--shard", "a/b"], "--shard a/b: 'a/b' is not K/N (shard K of N, K from 1 to N) or auto"),
    (["--shard", "1/3", "--shard-count", "3"], "--shard-count goes with --shard auto"),
    (["--shard", "1/3", "--store", "runs.sqlite"], "--store keeps whole runs, not shards"),
  ])
  func badShardValuesExit64WithOneLine(arguments: [String], message: String) async {
    for command in [["scan", "--sites", "sites.csv"], ["score", "archive"]] {
      let outcome = await CommandRunner.run(command + arguments)
      #expect(outcome.exitCode == 64, "\(command) \(arguments): \(outcome.message)")
      #expect(outcome.message.contains(message), "\(outcome.message)")
      #expect(!outcome.message.contains("\n"), "one line: \(outcome.message)")
    }
  }

  @Test func autoWithNoSchedulerExits64() async throws {
    let child = try ChildProcess.muniscan(
      ["crawl", "--shard", "auto", "--sites", "sites.csv", "--out", "crawls"], environment: [:])
    let result = try await child.wait()
    #expect(result.status == 64)
    let first = result.errors.split(separator: "\n").first.map(String.init)
    #expect(
      first
        == "Error: --shard auto: no job-array task found: none of SLURM_ARRAY_TASK_ID (Slurm), "
        + "JOB_COMPLETION_INDEX (Kubernetes) and AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch) is set; "
        + "give --shard K/N")
  }

  /// Each scheduler's variables, as its task sees them, and the shard they name.
  @Test(arguments: [
    (["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3"], [String](), 2),
    (
      ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1"],
      [], 3
    ),
    (["JOB_COMPLETION_INDEX": "0", "MUNISCAN_SHARD_COUNT": "3"], [], 1),
    (["JOB_COMPLETION_INDEX": "2"], ["--shard-count", "3"], 3),
    (["AWS_BATCH_JOB_ARRAY_INDEX": "1", "AWS_BATCH_JOB_ARRAY_SIZE": "3"], [], 2),
  ])
  func autoReadsTheScheduler(environment: [String: String], extra: [String], shard: Int)
    async throws
  {
    let fixture = try await CrawlFixture.start()
    let child = try ChildProcess.muniscan(
      fixture.crawlArguments("crawls", delay: "0") + ["--shard", "auto", "--no-progress"] + extra,
      environment: environment)
    let result = try await child.wait(seconds: 60)
    try await fixture.server.stop()
    defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
    let (status, errors) = (result.status, result.errors)
    #expect(status == 0, "\(errors)")
    let source = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    #expect(errors.hasPrefix("shard \(shard) of 3 ("), "\(errors)")
    #expect(source.allSatisfy(errors.contains), "\(errors)")
    let manifest = try Self.manifest(fixture.folder + "/crawls/shard-\(shard)-of-3")
    #expect(manifest.sites == Self.shardsOfThree[shard - 1] && manifest.shard == shard)
  }
}
