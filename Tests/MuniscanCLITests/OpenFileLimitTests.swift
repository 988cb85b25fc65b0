import Foundation
import MuniscanCrawler
import MuniscanTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A crawl needs open files for the sites it crawls at once: beyond the system's hard limit it
/// is refused in one line before anything starts (sites would otherwise fail as unreachable,
/// and libdispatch abort); below it, a low soft limit is raised rather than refused.
@Suite struct OpenFileLimitTests {
  /// `muniscan scan` of a hundred sites (all on a closed port: nothing is fetched) at the given
  /// `ulimit` settings, in a shell.
  private func scan(ulimit: String) throws -> ChildProcess.Result {
    try muniscan(ulimit: ulimit) { folder in "scan --sites '\(folder)/sites.csv' --format json" }
  }

  /// `muniscan crawl` of the same hundred sites into an archive.
  private func crawl(ulimit: String) throws -> ChildProcess.Result {
    try muniscan(ulimit: ulimit) { folder in
      "crawl --sites '\(folder)/sites.csv' --out '\(folder)/archive'"
    }
  }

  /// The command `arguments` gives for a folder holding the sites file, a hundred sites at once.
  private func muniscan(ulimit: String, _ arguments: (String) -> String) throws
    -> ChildProcess.Result
  {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("muniscan-nofile-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let sites = (1...100).map { "Vald \($0),http://127.0.1.\($0):9/\n" }.joined()
    try ("name,url\n" + sites).write(
      toFile: folder + "/sites.csv", atomically: true, encoding: .utf8)
    let muniscan = CommandRunner.repository + "/.build/debug/muniscan"
    return try ChildProcess.runBlocking(
      "/bin/sh",
      [
        "-c",
        "ulimit \(ulimit) && exec '\(muniscan)' \(arguments(folder)) "
          + "--concurrency 500 --retries 0 --timeout 2 --no-progress",
      ])
  }

  private static var hardLimit: Int {
    var limit = rlimit()
    getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
    return limit.rlim_max >= rlim_t(Int.max) ? Int.max : Int(limit.rlim_max)
  }

  @Test func aCrawlWiderThanTheHardLimitIsRefusedInOneLine() throws {
    let result = try scan(ulimit: "-n 150")
    #expect(result.status != 0)
    let lines = result.errors.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(
      result.errors.contains(
        "crawling 100 sites at once needs about 264 open files, but this system allows 150 "
          + "(ulimit -n): use --concurrency 43 or fewer"))
  }

  @Test(.enabled(if: hardLimit >= 264))
  func aLowSoftLimitIsRaisedToWhatTheCrawlNeeds() throws {
    let result = try scan(ulimit: "-S -n 150")
    #expect(!result.errors.contains("open files"))
    #expect(result.outputText.contains("\"unreachable\""))
  }

  /// A crawl into an archive also holds each site's page index, facts and WARC files open, and
  /// when resumed the WARC file its replay reads.
  @Test func aCrawlIntoAnArchiveCountsItsSitesFilesToo() throws {
    let result = try crawl(ulimit: "-n 300")
    #expect(result.status != 0)
    #expect(result.errors.split(separator: "\n").count == 1)
    #expect(
      result.errors.contains(
        "crawling 100 sites at once needs about 564 open files, but this system allows 300 "
          + "(ulimit -n): use --concurrency 47 or fewer"))
  }
}
