import FixtureServer
import Foundation
import Testing

/// The crawl options reach the crawler: what the fixture server is asked for shows it.
@Suite(.serialized) struct CrawlOptionsTests {
  /// Audits naidisvald.ee with `options`; returns the outcome and the requests served.
  private func audit(_ options: [String]) async throws -> (CommandRunner.Outcome, [FixtureRequest])
  {
    let sites = try StaticSites(root: CommandRunner.repository + "/fixtures/sites")
    let server = try await FixtureServer.start { request in sites.respond(to: request) }
    let outcome = await CommandRunner.run(
      [
        "audit", "http://www.naidisvald.ee:\(server.port)/", "--delay", "0", "--no-progress",
        "--format", "json",
      ]
        + options + CommandRunner.resolve(["naidisvald.ee"], port: server.port))
    let log = server.requestLog
    try await server.stop()
    return (outcome, log)
  }

  @Test(arguments: [
    (
      ["--connections-per-host", "3"],
      "--connections-per-host 3 is out of range: give a number from 1 to 2"
    ),
    (["--retries=-1"], "--retries -1 is out of range: give a number from 0 to 10"),
    (["--delay", "-1"], "--delay -1.0 is out of range: give a number from 0.0 to 3600.0 seconds"),
    (["--delay", "inf"], "--delay inf is out of range"),
    (["--delay", "1e300"], "--delay 1e+300 is out of range"),
    (["--delay", "nan"], "--delay nan is out of range"),
    (["--timeout", "inf"], "--timeout inf is out of range"),
    (["--timeout", "0"], "--timeout 0.0 is out of range"),
    (["--max-pages", "0"], "--max-pages 0 is out of range: give a number from 1 to 100000"),
    (["--max-depth", "-2"], "--max-depth -2 is out of range"),
    (["--concurrency", "0"], "--concurrency 0 is out of range"),
    (["--exclude", "(x"], "--exclude '(x' is not a valid regular expression"),
    (["--include", "[a-"], "--include '[a-' is not a valid regular expression"),
  ])
  func badValuesGetOneLine(options: [String], message: String) async {
    let outcome = await CommandRunner.run(["audit", "https://vald.ee/"] + options)
    #expect(outcome.message.contains(message), "\(outcome.message)")
    #expect(!outcome.message.contains("\n"))
    #expect(outcome.exitCode != 0)
  }

  @Test func documentsGetHeadRequestsOnlyWhenAsked() async throws {
    let (plain, plainLog) = try await audit([])
    #expect(plain.error == nil, "\(plain.message)")
    #expect(!plainLog.contains { $0.method == "HEAD" })
    let (asked, askedLog) = try await audit(["--head-documents"])
    #expect(asked.error == nil, "\(asked.message)")
    let heads = askedLog.filter { $0.method == "HEAD" }
    #expect(!heads.isEmpty)
    #expect(
      heads.allSatisfy { request in
        !askedLog.contains { $0.method == "GET" && $0.target == request.target }
      })
  }

  @Test func excludeAndIncludeChooseWhatIsCrawled() async throws {
    let (_, all) = try await audit([])
    #expect(all.contains { $0.path.hasPrefix("/ru") })
    let (outcome, log) = try await audit(["--exclude", "/ru(/|$)", "--connections-per-host", "2"])
    #expect(outcome.error == nil, "\(outcome.message)")
    #expect(!log.contains { $0.path.hasPrefix("/ru") })
    #expect(log.count > 5)
    let (_, onlyEstonian) = try await audit(["--include", "/et/"])
    #expect(
      onlyEstonian.filter {
        $0.path != "/robots.txt" && $0.path != "/sitemap.xml" && $0.path != "/"
      }
      .allSatisfy { $0.path.hasPrefix("/et/") })
  }
}
