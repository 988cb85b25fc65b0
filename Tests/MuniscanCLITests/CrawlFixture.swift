import FixtureServer
import Foundation
import MuniscanCore

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

  /// Waits until the server has served `count` requests in all (at most ten seconds).
  func waitForRequests(_ count: Int) async throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while server.requestLog.count < count {
      guard ContinuousClock.now < deadline else { throw FixtureTimeout(what: "\(count) requests") }
      try await Task.sleep(for: .milliseconds(5))
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

/// The built `muniscan` executable run as a child process, so tests can kill it like a user would.
struct ChildProcess {
  let process = Process()
  let errorFile = NSTemporaryDirectory() + "muniscan-stderr-\(UUID().uuidString)"

  static let binary = CommandRunner.repository + "/.build/debug/muniscan"

  /// Starts `muniscan arguments`, with only `environment` when it is given (the test's own
  /// environment otherwise).
  init(_ arguments: [String], environment: [String: String]? = nil) throws {
    _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = arguments
    if let environment { process.environment = environment }
    process.standardOutput = FileHandle.nullDevice
    let errors = FileHandle(forWritingAtPath: errorFile)
    defer { try? errors?.close() }
    process.standardError = errors
    try process.run()
  }

  /// Waits for the process to end (killing it after `seconds`) and returns its exit status, or
  /// 128 + the signal that ended it.
  func wait(seconds: Double = 15) async throws -> Int32 {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while process.isRunning {
      guard ContinuousClock.now < deadline else {
        kill(process.processIdentifier, SIGKILL)
        throw FixtureTimeout(
          what: "muniscan \(process.arguments?.joined(separator: " ") ?? "") to end")
      }
      try await Task.sleep(for: .milliseconds(10))
    }
    process.waitUntilExit()
    let status = process.terminationStatus
    return process.terminationReason == .uncaughtSignal ? 128 + status : status
  }

  func signal(_ number: Int32) { kill(process.processIdentifier, number) }

  var standardError: String {
    defer { try? FileManager.default.removeItem(atPath: errorFile) }
    return (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
  }
}

/// Runs warcio (the Python WARC library pywb is built on) on WARC files.
enum Warcio {
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-m", "warcio.cli"] + arguments
    let output = NSTemporaryDirectory() + "muniscan-warcio-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: output) }
    let handle = FileHandle(forWritingAtPath: output)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    try? handle?.close()
    process.waitUntilExit()
    return (process.terminationStatus, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
  }
}
