import FixtureServer
import Foundation
import MuniscanCore
import MuniscanTestSupport

/// Four fixture municipalities served on 127.0.0.1 by a server whose request log tells exactly
/// what each crawl fetched, with a sites file listing them and a temporary folder for archives.
struct CrawlFixture {
  static let hosts = ["naidisvald.ee", "tammelinn.ee", "mereranna.ee", "vanakyla.ee"]

  let server: FixtureServer
  let folder: String
  let sitesFile: String

  static func start() async throws -> CrawlFixture {
    let sites = try StaticSites(root: CommandRunner.repository + "/fixtures/sites")
    let server = try await FixtureServer.start { request in sites.respond(to: request) }
    let folder = NSTemporaryDirectory() + "muniscan-crawl-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let rows = try ExpectedResults.all().filter { hosts.contains($0.host) }
      .map { "\"\($0.name)\",\(CommandRunner.url($0.url, port: server.port))" }
    let sitesFile = folder + "/sites.csv"
    try (["name,url"] + rows).joined(separator: "\n").write(
      toFile: sitesFile, atomically: true, encoding: .utf8)
    return CrawlFixture(server: server, folder: folder, sitesFile: sitesFile)
  }

  func stop() async throws {
    try await server.stop()
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// `muniscan crawl` of the four sites into `out` (a name in the fixture's folder).
  func crawlArguments(_ out: String, delay: String) -> [String] {
    ["crawl", "--sites", sitesFile, "--out", folder + "/" + out, "--delay", delay]
      + CommandRunner.resolve(Self.hosts, port: server.port)
  }

  /// Requests served so far, as `host target`.
  var requests: [String] { server.requestLog.map { "\($0.host) \($0.target)" } }

  /// Waits until the server has served `count` requests in all (at most a minute: a guard
  /// against a hang, for a crawl sharing the machine with the whole parallel test run).
  func waitForRequests(_ count: Int) async throws {
    try await waitFor("\(count) requests", polling: .milliseconds(5)) {
      server.requestLog.count >= count
    }
  }

  /// The URLs of the responses an archive's page indexes list, sorted, per index file (a URL
  /// archived twice is listed twice).
  func archivedURLs(_ out: String) throws -> [String: [String]] {
    let index = folder + "/" + out + "/index"
    var urls: [String: [String]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: index) {
      let text = try String(contentsOfFile: index + "/" + name, encoding: .utf8)
      let lines = text.split(separator: "\n")
      urls[name] = lines.compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["url"]
          as? String
      }.sorted()
    }
    return urls
  }

  /// The WARC files of an archive.
  func warcFiles(_ out: String) throws -> [String] {
    let warc = folder + "/" + out + "/warc"
    return try FileManager.default.contentsOfDirectory(atPath: warc).filter {
      $0.hasSuffix(".warc.gz")
    }.sorted()
      .map { warc + "/" + $0 }
  }

  /// A complete crawl with no delay and its scorecard as of 2026-11-20: what an interrupted and
  /// resumed crawl must end up equal to.
  func reference() async throws -> (requests: [String], urls: [String: [String]], score: String) {
    let before = server.requestLog.count
    let crawl = await CommandRunner.run(crawlArguments("reference", delay: "0"))
    guard crawl.error == nil else {
      throw FixtureTimeout(what: "the reference crawl: \(crawl.message)")
    }
    let requests = Array(self.requests[before...])
    return (requests, try archivedURLs("reference"), await score("reference"))
  }

  /// The scorecard (JSON) of the archive in `out`, scored offline as of 2026-11-20.
  func score(_ out: String) async -> String {
    await CommandRunner.run([
      "score", folder + "/" + out, "--as-of", "2026-11-20", "--format", "json",
    ]).output
  }
}

struct FixtureTimeout: Error, CustomStringConvertible {
  var what: String
  var description: String { "gave up waiting for \(what)" }
}

/// Waits up to a minute for `condition`, asked every `interval`, else throws naming `what` was
/// waited for (a guard against a hang, for a test sharing the machine with the parallel run).
func waitFor(
  _ what: String, polling interval: Duration = .milliseconds(50),
  _ condition: () async throws -> Bool
) async throws {
  guard try await waitUntil(atMost: 60, polling: interval, condition) else {
    throw FixtureTimeout(what: what)
  }
}

extension ChildProcess {
  /// The built `muniscan` executable run as a child process, so tests can kill it as a user
  /// would.
  /// With `environment`, the program sees only those variables (the test's own otherwise).
  static func muniscan(_ arguments: [String], environment: [String: String]? = nil) throws
    -> ChildProcess
  {
    try ChildProcess(
      CommandRunner.repository + "/.build/debug/muniscan", arguments, environment: environment)
  }
}

/// Runs warcio (the Python WARC library pywb is built on) on WARC files.
enum Warcio {
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let result = try ChildProcess.runBlocking("python3", ["-m", "warcio.cli"] + arguments)
    return (result.status, result.outputText + result.errors)
  }
}
