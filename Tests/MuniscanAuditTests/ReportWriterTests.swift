import Foundation
import MuniscanAudit
import MuniscanCore
import MuniscanReports
import MuniscanTestSupport
import Testing

/// A shard's reports replace its folder as a whole: a rerun never leaves old and new files mixed.
@Suite struct ReportWriterTests {
  let folder = NSTemporaryDirectory() + "muniscan-report-writer-\(UUID().uuidString)"

  func files(_ path: String) -> [String] {
    ((try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []).sorted()
  }

  let card = Scorecard(
    ruleSetID: "ee", ruleSetVersion: "1", asOf: Day(iso: "2026-11-20")!, areas: [], criteria: [],
    sites: [])

  /// Report options in English, read from the repository's language files.
  static func options() throws -> ReportOptions {
    ReportOptions(words: try #require(try TemporaryRuleSet.locales.words(for: "en")))
  }

  @Test func replacingAFolderLeavesOnlyTheNewFiles() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/shard-1-of-3"
    let reporters = ["json", "csv"].compactMap(Reporters.named)
    let written = try ReportWriter.replace(
      target, with: card, reporters: reporters, options: try Self.options())
    #expect(written == [target + "/scorecard.json", target + "/scorecard.csv"])
    try "stale".write(toFile: target + "/stale.txt", atomically: true, encoding: .utf8)
    // What a killed run left beside it goes too.
    try FileManager.default.createDirectory(
      atPath: folder + "/.shard-1-of-3.new-killed", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: folder + "/shard-2-of-3", withIntermediateDirectories: true)

    _ = try ReportWriter.replace(
      target, with: card, reporters: ["markdown"].compactMap(Reporters.named),
      options: try Self.options())
    #expect(files(target) == ["scorecard.md"])
    #expect(files(folder) == ["shard-1-of-3", "shard-1-of-3/scorecard.md", "shard-2-of-3"])
  }
}
