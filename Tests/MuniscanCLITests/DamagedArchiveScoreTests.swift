import Foundation
import MuniscanCore
import Testing

/// `score` of a damaged archive never ranks a site as if its pages were missing: every part
/// that cannot be read is named on standard error (file and offset or line), the sites it
/// touches are marked incomplete, the others score as before, and the exit status is 3 unless
/// `--accept-incomplete` (which keeps the marks).
@Suite(.serialized) struct DamagedArchiveScoreTests {
  /// One way to damage the archive, and what `score` must then say.
  struct Damage: Sendable, CustomStringConvertible {
    var description: String
    /// Damages the archive; returns the beginnings of the lines standard error must hold, and
    /// the index keys of the sites that must be incomplete.
    var apply: @Sendable (DamagedArchive) throws -> (lines: [String], sites: [String])
  }

  static let damages: [Damage] = [
    Damage(description: "a WARC file cut short") { archive in
      let file = try archive.warcFiles()[1]
      try archive.truncate(file, to: try archive.size(of: file) / 2)
      return (["\(file): offset "], [try archive.siteKeys()[3]])
    },
    lastSiteFile("an emptied WARC file", problem: "past the end of the file") {
      try $0.truncate($1, to: 0)
    },
    lastSiteFile("a WARC file overwritten with garbage", problem: "not a valid gzip member") {
      try $0.overwriteWithGarbage($1)
    },
    lastSiteFile("a WARC file deleted", problem: "missing") { try $0.remove($1) },
    Damage(description: "a page index deleted") { archive in
      let key = try archive.siteKeys()[0]
      let count = try archive.indexLines(key).count
      try archive.remove("index/\(key).jsonl")
      return (["index/\(key).jsonl: missing (the crawl indexed \(count) responses)"], [key])
    },
    Damage(description: "a page index line garbled") { archive in
      let key = try archive.siteKeys()[1]
      try archive.garble(line: 3, of: "index/\(key).jsonl")
      return (["index/\(key).jsonl: line 3: not a page index entry"], [key])
    },
    Damage(description: "a page index without its last lines") { archive in
      let key = try archive.siteKeys()[2]
      let lines = try archive.lines("index/\(key).jsonl")
      try archive.write(Array(lines.dropLast(2)), to: "index/\(key).jsonl")
      return (
        ["index/\(key).jsonl: \(lines.count - 2) of the \(lines.count) lines the crawl indexed"],
        [key]
      )
    },
    Damage(description: "done.jsonl deleted") { archive in
      try archive.remove("done.jsonl")
      return (["done.jsonl: missing"], try archive.siteKeys())
    },
    Damage(description: "a done.jsonl line garbled") { archive in
      let line = try JSONSerialization.jsonObject(
        with: Data(try archive.lines("done.jsonl")[1].utf8))
      let key = URLNormalizer.siteKey((line as? [String: Any])?["url"] as? String ?? "") ?? ""
      try archive.garble(line: 2, of: "done.jsonl")
      return (["done.jsonl: line 2: not a finished site"], [key])
    },
  ]

  /// `change` done to the WARC file that holds the last site's records (and only those): each
  /// of its records must be named with `problem`.
  static func lastSiteFile(
    _ description: String, problem: String,
    _ change: @escaping @Sendable (DamagedArchive, String) throws -> Void
  ) -> Damage {
    Damage(description: description) { archive in
      let file = try archive.warcFiles()[1]
      let key = try archive.siteKeys()[3]
      let offsets = try archive.indexLines(key).map { $0["offset"] as? Int ?? -1 }
      try change(archive, file)
      return (offsets.map { "\(file): offset \($0): \(problem)" }, [key])
    }
  }

  @Test func everyDamageIsNamedAndMarksOnlyItsSitesIncomplete() async throws {
    let fixture = try await CrawlFixture.start()
    let crawl = await CommandRunner.run(
      fixture.crawlArguments("archive", delay: "0") + ["--concurrency", "1"])
    try await fixture.server.stop()
    defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
    try #require(crawl.error == nil, "\(crawl.message)")
    let whole = try DamagedArchive(
      copying: fixture.folder + "/archive", to: fixture.folder + "/whole")
    try whole.moveLastSiteToItsOwnFile()
    let keys = try whole.siteKeys()
    let reference = await score(whole.folder)
    // Only the line saying how many pages were judged from stored page facts.
    #expect(
      reference.exitCode == 0 && reference.notes.split(separator: "\n").count == 1
        && reference.notes.hasSuffix(" pages from stored page facts\n"), "\(reference.notes)")
    let expected = try sites(reference.output, keys: keys)
    #expect(expected.count == 4 && expected.values.allSatisfy { $0.outcome == .crawled })

    for (number, damage) in Self.damages.enumerated() {
      let archive = try DamagedArchive(
        copying: whole.folder, to: fixture.folder + "/damaged\(number)")
      let (lines, incomplete) = try damage.apply(archive)
      let scored = await score(archive.folder)
      let accepted = await score(archive.folder, "--accept-incomplete")
      #expect(scored.exitCode == 3, "\(damage): \(scored.message)")
      #expect(accepted.exitCode == 0, "\(damage): \(accepted.message)")
      #expect(accepted.output == scored.output, "\(damage)")
      let notes = scored.notes.split(separator: "\n").map(String.init)
      for line in lines {
        #expect(
          notes.contains { $0.hasPrefix(archive.folder + "/" + line) },
          "\(damage): \(line) in \(notes)")
      }
      #expect(
        notes.last?.hasPrefix("incomplete: \(incomplete.count) of 4 sites in \(archive.folder)")
          == true, "\(damage): \(notes)")
      #expect(accepted.notes.split(separator: "\n").count == notes.count, "\(damage)")
      let results = try sites(scored.output, keys: keys)
      for key in keys {
        guard incomplete.contains(key) else {
          #expect(results[key] == expected[key], "\(damage): \(key) changed")
          continue
        }
        let site = try #require(results[key])
        guard case .incomplete = site.outcome else {
          Issue.record("\(damage): \(key) is \(site.outcome), not incomplete")
          continue
        }
        #expect(site.findings.allSatisfy { $0.status == .unknown }, "\(damage): \(key)")
      }
    }
  }

  /// `muniscan score` of `folder` as JSON as of 2026-11-20.
  private func score(_ folder: String, _ extra: String...) async -> CommandRunner.Outcome {
    await CommandRunner.run(
      ["score", folder, "--as-of", "2026-11-20", "--format", "json"] + extra)
  }

  /// The sites of a JSON scorecard by index key (host without `www.`), ranks left out: a site
  /// marked incomplete moves the others in the ranking.
  private func sites(_ json: String, keys: [String]) throws -> [String: SiteResult] {
    let card = try JSONDecoder().decode(Scorecard.self, from: Data(json.utf8))
    var byKey: [String: SiteResult] = [:]
    for var site in card.sites {
      site.rank = 0
      byKey[URLNormalizer.siteKey(site.site.url) ?? ""] = site
    }
    #expect(Set(byKey.keys) == Set(keys))
    return byKey
  }
}
