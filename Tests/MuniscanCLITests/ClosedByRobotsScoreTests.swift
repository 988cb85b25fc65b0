import FixtureServer
import Foundation
import MuniscanCore
import Testing

/// Sites that robots.txt closes (it disallows everything, or answers 503) are crawled no further
/// than their robots.txt, are neither unreachable nor failed, and keep their outcome and reason
/// through the archive: `score` gives what the live `scan` gave, byte for byte.
@Suite struct ClosedByRobotsScoreTests {
  @Test func anArchivedClosedSiteScoresAsTheLiveScanJudgedIt() async throws {
    let server = try await FixtureServer.start { request in
      switch (request.host, request.path) {
      case ("www.keelab.ee", "/robots.txt"): return .text("User-agent: *\nDisallow: /\n")
      case ("www.katki.ee", "/robots.txt"): return .status(503)
      case (_, "/robots.txt"): return .notFound
      default: return .html("<title>Avatud vald</title><h1>Avatud vald</h1>")
      }
    }
    let folder = NSTemporaryDirectory() + "muniscan-closed-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let hosts = ["keelab.ee", "katki.ee", "avatud.ee"]
    let rows = hosts.map { "\($0),http://www.\($0):\(server.port)/" }
    try (["name,url"] + rows).joined(separator: "\n").write(
      toFile: folder + "/sites.csv", atomically: true, encoding: .utf8)
    let options =
      ["--sites", folder + "/sites.csv", "--delay", "0", "--retries", "1"]
      + CommandRunner.resolve(hosts, port: server.port)
    let crawl = await CommandRunner.run(["crawl", "--out", folder + "/archive"] + options)
    let scan = await CommandRunner.run(
      ["scan", "--as-of", "2026-11-20", "--format", "json"] + options)
    let log = server.requestLog.map { "\($0.host) \($0.target)" }
    try await server.stop()
    let score = await CommandRunner.run([
      "score", folder + "/archive", "--as-of", "2026-11-20", "--format", "json",
    ])

    #expect(crawl.error == nil, "\(crawl.message)")
    #expect(crawl.output.contains("closed by robots.txt: robots.txt disallows crawling"))
    #expect(crawl.output.contains("closed by robots.txt: robots.txt unreachable (HTTP 503)"))
    // Crawl and scan each: robots.txt once where it disallows, twice (one retry) where it fails.
    #expect(
      log.filter { $0.hasPrefix("www.keelab.ee ") }
        == Array(repeating: "www.keelab.ee /robots.txt", count: 2))
    #expect(
      log.filter { $0.hasPrefix("www.katki.ee ") }
        == Array(repeating: "www.katki.ee /robots.txt", count: 4))

    #expect(score.error == nil, "\(score.message)")
    #expect(score.output == scan.output)
    let card = try JSONDecoder().decode(Scorecard.self, from: Data(score.output.utf8))
    let outcomes = Dictionary(uniqueKeysWithValues: card.sites.map { ($0.site.name, $0.outcome) })
    #expect(outcomes["keelab.ee"] == .closedByRobots(reason: "robots.txt disallows crawling"))
    #expect(outcomes["katki.ee"] == .closedByRobots(reason: "robots.txt unreachable (HTTP 503)"))
    #expect(outcomes["avatud.ee"] == .crawled)
    let closed = try #require(card.sites.first { $0.site.name == "keelab.ee" })
    #expect(
      closed.findings.allSatisfy {
        $0.status == .unknown
          && $0.reason == Reason(.notCrawled, ["detail": "robots.txt disallows crawling"])
      })
    #expect(closed.status == .closedByRobots && closed.total == nil && closed.rank == nil)
  }

  @Test func auditOfASiteClosedByRobotsExitsWithStatus4() async throws {
    let server = try await FixtureServer.start { request in
      request.path == "/robots.txt"
        ? .text("User-agent: *\nDisallow: /\n") : .html("<title>Suletud vald</title>")
    }
    let outcome = await CommandRunner.run(
      ["audit", "http://www.suletud.ee:\(server.port)/", "--delay", "0"]
        + CommandRunner.resolve(["suletud.ee"], port: server.port))
    try await server.stop()
    #expect(outcome.exitCode == 4)
    #expect(
      outcome.notes
        == "not audited (closedByRobots): http://www.suletud.ee:\(server.port)/: robots.txt disallows crawling\n"
    )
    #expect(
      outcome.output.contains(
        "Not audited: the site's robots.txt does not allow crawling it (robots.txt disallows crawling)"
      ))
    #expect(!outcome.output.contains("Total:"))
  }
}
