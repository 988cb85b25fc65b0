import FixtureServer
import Foundation
import Logging
import MuniscanArchive
import MuniscanAudit
import MuniscanCore
import MuniscanCrawler
import MuniscanHTTP
import Testing

/// `Audit.crawl(into:)`, the work queue's path: sites crawled into an archive are judged as
/// their crawls end, exactly as a `score` of the archive judges them, and a site an earlier run
/// finished is neither fetched nor judged again (the queue leaves it to `score`).
@Suite struct AuditTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
  static let hosts = ["naidisvald.ee", "tammelinn.ee"]

  @Test func sitesCrawledIntoAnArchiveAreJudgedAsAScoreOfTheArchiveJudgesThem() async throws {
    let fixtures = try StaticSites(root: Self.repository + "/fixtures/sites")
    let server = try await FixtureServer.start { request in fixtures.respond(to: request) }
    let folder = NSTemporaryDirectory() + "muniscan-audit-\(UUID().uuidString)"
    let client = try HTTPClient(
      configuration: HTTPClientConfiguration(
        resolve: Self.hosts.map { "\($0):\(server.port):127.0.0.1" }))
    do {
      try await crawlTwice(into: folder, server: server, client: client)
    } catch {
      Issue.record(error)
    }
    client.shutdown()
    try await server.stop()
    try? FileManager.default.removeItem(atPath: folder)
  }

  private func crawlTwice(into folder: String, server: FixtureServer, client: HTTPClient)
    async throws
  {
    let sites = Self.hosts.map { Site(name: $0, url: "http://\($0):\(server.port)/") }
    var options = CrawlOptions()
    options.delay = 0
    let audit = Audit(
      ruleSet: try RulesLocator.load(Self.repository + "/rules/ee"), logger: Logger(label: "test"))
    let asOf = try #require(Day(iso: "2026-11-20"))
    let open = {
      try ArchivedCrawl.open(
        directory: folder, sitesFile: "sites.csv", sites: sites, options: options,
        userAgent: "muniscan-test", software: "muniscan-test")
    }

    let (finished, crawled) = try await audit.crawl(into: try open(), client: client, asOf: asOf)
    #expect(finished.map(\.url).sorted() == sites.map(\.url).sorted())
    #expect(crawled.sites.count == 2)
    #expect(crawled.sites.allSatisfy { $0.pagesCrawled > 1 && $0.total != nil })
    let scored = await audit.score([try ArchiveReader(directory: folder)], asOf: asOf)
    #expect(crawled.sites == scored.scorecard.sites)

    let served = server.requestLog.count
    let (again, judged) = try await audit.crawl(into: try open(), client: client, asOf: asOf)
    #expect(again.count == 2)
    #expect(judged.sites.isEmpty)
    #expect(server.requestLog.count == served)
  }
}
