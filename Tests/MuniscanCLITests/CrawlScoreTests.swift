import Foundation
import MuniscanCore
import MuniscanTestSupport
import Testing

/// `muniscan crawl` into an archive and `muniscan score` from it: the archive is standard WARC,
/// scoring needs no network and agrees with a live scan, and a crawl killed or interrupted at
/// any moment resumes without fetching a page twice or losing one.
@Suite(.serialized) struct CrawlScoreTests {
  /// Requests of a run, keyed by site (host without `www.`).
  func site(_ request: String) -> String {
    let host = String(request.split(separator: " ")[0])
    return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
  }

  /// Only what was in flight when the first run stopped is asked for again: at most the last
  /// request of each site.
  func expectFetchedOnce(
    _ first: [String], then second: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      Set(first).count == first.count && Set(second).count == second.count,
      sourceLocation: sourceLocation)
    var lastOfSite: [String: String] = [:]
    for request in first { lastOfSite[site(request)] = request }
    let repeated = Set(first).intersection(second)
    #expect(
      repeated.isSubset(of: Set(lastOfSite.values)), "fetched twice: \(repeated.sorted())",
      sourceLocation: sourceLocation)
  }

  /// What `score` says of the page facts the crawl kept: how many of its pages it judged from
  /// them, of how many.
  func storedFacts(
    _ outcome: CommandRunner.Outcome, sourceLocation: SourceLocation = #_sourceLocation
  )
    -> (used: Int, pages: Int)
  {
    let line = outcome.notes.split(separator: "\n").first {
      $0.hasSuffix(" pages from stored page facts")
    }
    let words = line?.split(separator: ":").last?.split(separator: " ") ?? []
    guard words.count > 3, let used = Int(words[0]), let pages = Int(words[2]) else {
      Issue.record("no stored facts line in \(outcome.notes)", sourceLocation: sourceLocation)
      return (-1, -1)
    }
    return (used, pages)
  }

  @Test func scoringTheArchiveOfflineGivesWhatALiveScanGives() async throws {
    let fixture = try await CrawlFixture.start()
    let archive = fixture.folder + "/archive"
    let crawl = await CommandRunner.run(fixture.crawlArguments("archive", delay: "0"))
    let scan = await CommandRunner.run(
      [
        "scan", "--sites", fixture.sitesFile, "--delay", "0", "--as-of", "2026-11-20", "--format",
        "json",
      ]
        + CommandRunner.resolve(CrawlFixture.hosts, port: fixture.server.port))
    // No server from here on: anything scoring fetched would fail and change the result.
    try await fixture.server.stop()
    defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
    #expect(crawl.error == nil, "\(crawl.message)")
    #expect(scan.error == nil, "\(scan.message)")
    for name in [
      "Näidise vald", "Tamme linn", "Mereranna vald", "Vanaküla vald", "total (4 sites)",
    ] {
      #expect(crawl.output.contains(name), "\(crawl.output)")
    }

    let score = await CommandRunner.run([
      "score", archive, "--as-of", "2026-11-20", "--format", "json",
    ])
    #expect(score.error == nil, "\(score.message)")
    #expect(score.output == scan.output)
    let card = try JSONDecoder().decode(Scorecard.self, from: Data(score.output.utf8))
    #expect(card.sites.count == 4 && card.sites.allSatisfy { $0.outcome == .crawled })
    // The crawl kept the facts of the pages it read with the default rule set: scoring with
    // it judged those instead of parsing the pages, and gave the same scorecard.
    let used = storedFacts(score)
    #expect(used.used > 0 && used.pages == card.sites.reduce(0) { $0 + $1.pagesCrawled })
    // Another rule set reads pages with another locale and queries: it uses none of them.
    let otherRules = ["--rules", CommandRunner.repository + "/rules/fi-generic"]
    let other = await CommandRunner.run(
      ["score", archive, "--as-of", "2026-11-20", "--format", "json"] + otherRules)
    #expect(other.error == nil, "\(other.message)")
    #expect(storedFacts(other).used == 0)
    // Without the facts, every page is parsed again, to the same scorecards.
    try FileManager.default.removeItem(atPath: archive + "/facts")
    let parsed = await CommandRunner.run([
      "score", archive, "--as-of", "2026-11-20", "--format", "json",
    ])
    #expect(parsed.output == scan.output)
    #expect(storedFacts(parsed) == (0, used.pages))
    let otherParsed = await CommandRunner.run(
      ["score", archive, "--as-of", "2026-11-20", "--format", "json"] + otherRules)
    #expect(otherParsed.output == other.output && other.output != scan.output)

    // Without --as-of, freshness is judged on the crawl date stored in the archive.
    let manifest =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: archive + "/crawl.json"))) as? [String: Any]
    let dated = await CommandRunner.run(["score", archive, "--format", "json"])
    let datedCard = try JSONDecoder().decode(Scorecard.self, from: Data(dated.output.utf8))
    #expect(datedCard.asOf.description == manifest?["crawlDate"] as? String)
  }

  @Test func scoringKeepsTheReasonASiteWasUnreachable() async throws {
    let folder = NSTemporaryDirectory() + "muniscan-unreachable-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Port 1 on loopback: nothing listens, the connection is refused.
    try "name,url\nKadunud vald,http://www.kadunud.ee:1/\n".write(
      toFile: folder + "/sites.csv", atomically: true, encoding: .utf8)
    let crawl = await CommandRunner.run([
      "crawl", "--sites", folder + "/sites.csv", "--out", folder + "/archive", "--delay", "0",
      "--resolve", "www.kadunud.ee:1:127.0.0.1",
    ])
    #expect(crawl.error == nil, "\(crawl.message)")
    let score = await CommandRunner.run([
      "score", folder + "/archive", "--as-of", "2026-11-20", "--format", "json",
    ])
    let card = try JSONDecoder().decode(Scorecard.self, from: Data(score.output.utf8))
    guard case .unreachable(let reason) = card.sites.first?.outcome else {
      Issue.record("expected an unreachable site, got \(String(describing: card.sites.first))")
      return
    }
    #expect(reason.hasPrefix("http://www.kadunud.ee:1/robots.txt: could not connect"), "\(reason)")
  }

  @Test func warcioReadsTheArchiveAndFindsEveryPage() async throws {
    let fixture = try await CrawlFixture.start()
    let crawl = await CommandRunner.run(fixture.crawlArguments("archive", delay: "0"))
    let served = Set(fixture.requests)
    let port = fixture.server.port
    let files = try fixture.warcFiles("archive")
    let check = try Warcio.run(["check", "-v"] + files)
    let index = try Warcio.run(["index", "-f", "warc-type,warc-target-uri,http:status"] + files)
    try await fixture.stop()
    #expect(crawl.error == nil, "\(crawl.message)")
    try #require(!files.isEmpty)

    #expect(check.status == 0, "\(check.output)")
    let records = check.output.components(separatedBy: "WARC-Record-ID").count - 1
    #expect(records == 2 * served.count + files.count)
    #expect(
      check.output.components(separatedBy: "digest pass").count - 1 == records, "\(check.output)")

    #expect(index.status == 0, "\(index.output)")
    let responses = Set(
      index.output.split(separator: "\n").compactMap { line -> String? in
        let fields = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        return fields?["warc-type"] == "response" ? fields?["warc-target-uri"] : nil
      })
    let pages = Set(
      served.map { request -> String in
        let parts = request.split(separator: " ")
        return "http://\(parts[0]):\(port)\(parts[1])"
      })
    #expect(pages.count > 80)
    #expect(pages == responses, "\(pages.symmetricDifference(responses))")
  }

  @Test func aKilledCrawlResumesWithoutFetchingAPageTwiceOrLosingOne() async throws {
    let fixture = try await CrawlFixture.start()
    let reference = try await fixture.reference()
    let arguments = fixture.crawlArguments("archive", delay: "0.05")

    let start = fixture.requests.count
    let killed = try ChildProcess.muniscan(arguments)
    try await fixture.waitForRequests(start + reference.requests.count / 2)
    killed.signal(SIGKILL)
    #expect(try await killed.wait().status == 128 + SIGKILL)
    let first = Array(fixture.requests[start...])

    let resumed = try ChildProcess.muniscan(arguments)
    let finished = try await resumed.wait()
    let status = finished.status
    let log = finished.errors
    let second = Array(fixture.requests[(start + first.count)...])
    let urls = try fixture.archivedURLs("archive")
    let check = try Warcio.run(["check"] + fixture.warcFiles("archive"))
    let score = await fixture.score("archive")
    try await fixture.stop()

    #expect(status == 0, "\(log)")
    #expect(log.contains("resuming "), "\(log)")
    #expect(first.count < reference.requests.count && !second.isEmpty)
    expectFetchedOnce(first, then: second)
    #expect(Set(first).union(second) == Set(reference.requests))
    #expect(urls == reference.urls)
    #expect(score == reference.score)
    #expect(check.status == 0, "\(check.output)")
  }

  @Test func aCrawlWhoseLastRecordIsTornResumesAfterCuttingIt() async throws {
    let fixture = try await CrawlFixture.start()
    let reference = try await fixture.reference()
    let arguments = fixture.crawlArguments("archive", delay: "0.05")

    let start = fixture.requests.count
    let killed = try ChildProcess.muniscan(arguments)
    try await fixture.waitForRequests(start + reference.requests.count / 3)
    killed.signal(SIGKILL)
    _ = try await killed.wait()
    // Tear the last record, as a kill in the middle of its write would.
    let last = try #require(try fixture.warcFiles("archive").last)
    let size = try #require(try FileManager.default.attributesOfItem(atPath: last)[.size] as? Int)
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: last))
    try handle.truncate(atOffset: UInt64(size - 40))
    try handle.close()

    let resumed = try ChildProcess.muniscan(arguments)
    let finished = try await resumed.wait()
    let status = finished.status
    let log = finished.errors
    let urls = try fixture.archivedURLs("archive")
    let check = try Warcio.run(["check"] + fixture.warcFiles("archive"))
    let score = await fixture.score("archive")
    try await fixture.stop()

    #expect(status == 0, "\(log)")
    #expect(log.contains("repaired \(last): cut a torn record at byte "), "\(log)")
    #expect(urls == reference.urls)
    #expect(score == reference.score)
    #expect(check.status == 0, "\(check.output)")
  }

  @Test func ctrlCStopsCleanlyAndSaysHowToResume() async throws {
    let fixture = try await CrawlFixture.start()
    let reference = try await fixture.reference()
    let arguments = fixture.crawlArguments("archive", delay: "0.05")

    let start = fixture.requests.count
    let interrupted = try ChildProcess.muniscan(arguments)
    try await fixture.waitForRequests(start + reference.requests.count / 3)
    interrupted.signal(SIGINT)
    let finished = try await interrupted.wait()
    let status = finished.status
    let message = finished.errors
    let first = Array(fixture.requests[start...])
    let files = try fixture.warcFiles("archive")
    let check = try Warcio.run(["check"] + files)

    let resumed = try ChildProcess.muniscan(arguments)
    let resumedRun = try await resumed.wait()
    let second = Array(fixture.requests[(start + first.count)...])
    let urls = try fixture.archivedURLs("archive")
    let score = await fixture.score("archive")
    try await fixture.stop()

    #expect(status == 130, "\(message)")
    let hint =
      "of 4 sites done; resume with: muniscan crawl --sites \(fixture.sitesFile) --out \(fixture.folder)/archive"
    #expect(message.contains("interrupted: "), "\(message)")
    #expect(message.contains(hint), "\(message)")
    // Stopped cleanly: every record whole, nothing for a resume to repair.
    #expect(check.status == 0, "\(check.output)")
    #expect(resumedRun.status == 0)
    #expect(!resumedRun.errors.contains("repaired"))
    expectFetchedOnce(first, then: second)
    #expect(Set(first).union(second) == Set(reference.requests))
    #expect(urls == reference.urls)
    #expect(score == reference.score)
  }

  @Test func damagedPageFactsAreIgnoredAndATornOneIsCutWhenTheCrawlResumes() async throws {
    let fixture = try await CrawlFixture.start()
    let archive = fixture.folder + "/archive"
    let arguments = fixture.crawlArguments("archive", delay: "0")
    let crawl = await CommandRunner.run(arguments)
    try #require(crawl.error == nil, "\(crawl.message)")
    let scoring = ["score", archive, "--as-of", "2026-11-20", "--format", "json"]
    let reference = await CommandRunner.run(scoring)
    let used = storedFacts(reference).used
    // The facts file of the site with most pages: its first record gets a flipped byte.
    func size(_ path: String) -> Int {
      ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: archive + "/facts").map {
      archive + "/facts/" + $0
    }
    let path = try #require(files.max { size($0) < size($1) })
    var bytes = try #require(FileManager.default.contents(atPath: path))
    let firstLength = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16
    bytes[8 + firstLength - 1] ^= 0x01
    // ... and a torn last record, as a crawl killed while writing it leaves it.
    try bytes.dropLast(5).write(to: URL(fileURLWithPath: path))

    let damaged = await CommandRunner.run(scoring)
    #expect(damaged.output == reference.output)
    #expect(damaged.exitCode == 0, "\(damaged.message)")
    #expect(storedFacts(damaged).used == used - 2)

    let resumed = await CommandRunner.run(arguments)
    #expect(resumed.error == nil, "\(resumed.message)")
    #expect(
      resumed.notes.contains("repaired \(path): cut a torn page facts record at byte "),
      "\(resumed.notes)")
    #expect(size(path) < bytes.count - 5)
    let repaired = await CommandRunner.run(scoring)
    try await fixture.stop()
    #expect(repaired.output == reference.output)
    #expect(storedFacts(repaired).used == used - 2)
  }

  @Test func resumingWithOtherOptionsOrScoringANonArchiveIsOneClearLine() async throws {
    let fixture = try await CrawlFixture.start()
    defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
    try await fixture.server.stop()
    let archive = fixture.folder + "/archive"
    _ = await CommandRunner.run(
      fixture.crawlArguments("archive", delay: "0") + ["--max-pages", "2"])
    let other = await CommandRunner.run(
      fixture.crawlArguments("archive", delay: "0") + ["--max-pages", "3"])
    #expect(
      other.message
        == "the crawl in \(archive) was started with --max-pages 2, not 3; resume with the same sites and options, or choose another --out"
    )
    #expect(other.exitCode != 0)
    let score = await CommandRunner.run(["score", fixture.folder])
    #expect(score.message == "\(fixture.folder): not a muniscan crawl archive (no crawl.json)")
    #expect(score.exitCode != 0)
  }
}
