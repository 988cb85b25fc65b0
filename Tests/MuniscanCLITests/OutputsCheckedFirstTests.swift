import FixtureServer
import Foundation
import MuniscanTestSupport
import Testing

/// Every output is checked before the first request, so a mistake in a path never throws a
/// finished crawl away; and a scan stopped with Ctrl-C says so.
@Suite(.serialized) struct OutputsCheckedFirstTests {
  @Test func aBadOutFolderOrStoreStopsTheScanBeforeAnyRequest() async throws {
    let fixture = try await CrawlFixture.start()
    defer { Task { try? await fixture.stop() } }
    let aFile = fixture.folder + "/notes.txt"
    try "notes\n".write(toFile: aFile, atomically: true, encoding: .utf8)
    let scan =
      ["scan", "--sites", fixture.sitesFile, "--delay", "0", "--no-progress"]
      + CommandRunner.resolve(CrawlFixture.hosts, port: fixture.server.port)
    let cases: [([String], String)] = [
      (["--out", aFile, "--format", "json,csv"], "--out \(aFile): a file is there; give a folder"),
      (["--store", aFile], "\(aFile): an SQLite database without muniscan's run tables"),
    ]
    for (options, message) in cases {
      let before = fixture.server.requestLog.count
      let outcome = await CommandRunner.run(scan + options)
      #expect(outcome.exitCode != 0)
      #expect(
        outcome.message.contains(message) || outcome.message.contains(aFile), "\(outcome.message)")
      #expect(!outcome.message.contains("\n"))
      #expect(fixture.server.requestLog.count == before, "nothing fetched for \(options)")
    }
  }

  @Test func maxDepthZeroFetchesTheHomePageAlone() async throws {
    let fixture = try await CrawlFixture.start()
    defer { Task { try? await fixture.stop() } }
    let outcome = await CommandRunner.run(
      [
        "audit", CommandRunner.url("http://www.naidisvald.ee/", port: fixture.server.port),
        "--delay", "0", "--no-progress", "--max-depth", "0", "--format", "json",
      ] + CommandRunner.resolve(["naidisvald.ee"], port: fixture.server.port))
    #expect(outcome.error == nil, "\(outcome.message)")
    let paths = Set(fixture.server.requestLog.map(\.path))
    #expect(paths == ["/", "/robots.txt"], "\(paths)")
  }

  @Test func aScanStoppedWithCtrlCSaysNothingWasKept() async throws {
    let fixture = try await CrawlFixture.start()
    defer { Task { try? await fixture.stop() } }
    let child = try ChildProcess.muniscan(
      ["scan", "--sites", fixture.sitesFile, "--delay", "0.2", "--no-progress"]
        + CommandRunner.resolve(CrawlFixture.hosts, port: fixture.server.port))
    try await fixture.waitForRequests(6)
    child.signal(SIGINT)
    let result = try await child.wait(seconds: 30)
    #expect(result.status == 130, "\(result.errors)")
    #expect(result.errors.contains("interrupted: no results were kept"), "\(result.errors)")
    #expect(result.output.isEmpty)
  }

  @Test func aDamagedManifestIsOneLine() async throws {
    let folder = NSTemporaryDirectory() + "muniscan-manifest-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (json, message) in [
      (#"{"format": "muniscan-crawl/1"}"#, "is missing"), ("{not json", "not valid JSON"),
    ] {
      try json.write(toFile: folder + "/crawl.json", atomically: true, encoding: .utf8)
      let outcome = await CommandRunner.run(["score", folder])
      #expect(outcome.exitCode != 0)
      #expect(outcome.message.contains(folder + "/crawl.json"), "\(outcome.message)")
      #expect(outcome.message.contains(message), "\(outcome.message)")
      #expect(!outcome.message.contains("\n"), "\(outcome.message)")
    }
  }
}
