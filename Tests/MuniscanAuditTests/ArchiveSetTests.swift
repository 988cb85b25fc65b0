import Foundation
import MuniscanArchive
import MuniscanAudit
import MuniscanCore
import MuniscanCrawler
import Testing

/// `merge` ranks archives as one crawl only when that means what one machine's crawl would:
/// crawled alike, no site twice, shards adding up to their sites file.
@Suite struct ArchiveSetTests {
  static let sites = ["naidisvald", "tammelinn", "mereranna", "vanakyla", "elva", "tartu"].map {
    Site(name: $0, url: "https://www.\($0).ee/")
  }

  let folder = NSTemporaryDirectory() + "muniscan-archive-set-\(UUID().uuidString)"

  /// Starts an archive in `name` (no page crawled) and returns its path.
  @discardableResult
  func archive(
    _ name: String, sites: [Site], shard: ShardRecord? = nil,
    options: CrawlOptions = CrawlOptions(),
    userAgent: String = "muniscan-test"
  ) throws -> String {
    let path = folder + "/" + name
    _ = try ArchivedCrawl.open(
      directory: path, sitesFile: "sites.csv", sites: sites, options: options,
      userAgent: userAgent, software: "muniscan test", shard: shard)
    return path
  }

  /// Shard archives of `sites` split `count` ways, named `shard-K-of-N`.
  func shards(_ count: Int, of sites: [Site] = sites) throws -> [String] {
    try (1...count).map { index in
      let shard = try Shard(index: index, count: count)
      return try archive(
        shard.folderName, sites: shard.sites(of: sites), shard: shard.record(of: sites))
    }
  }

  func message(_ body: () throws -> Void) -> String {
    do {
      try body()
      return ""
    } catch {
      return "\(error)"
    }
  }

  @Test func everyShardOfAFileAddsUpToIt() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let paths = try shards(3)
    let set = try ArchiveSet.open(paths)
    #expect(set.warnings.isEmpty)
    #expect(Set(set.archives.flatMap { $0.manifest.sites.map(\.site) }) == Set(Self.sites))
  }

  @Test func aMissingShardIsAnErrorUnlessAllowed() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let paths = try shards(3)
    let text = message { _ = try ArchiveSet.open([paths[0], paths[2]]) }
    #expect(
      text.hasPrefix("shard 2 of 3 of sites.csv (6 sites, sha256:")
        && text.contains(
          "is missing: give every shard's archive, or --allow-missing-shards"),
      "\(text)")
    let partial = try ArchiveSet.open([paths[0]], allowingMissingShards: true)
    #expect(partial.warnings.count == 1)
    #expect(partial.warnings[0].contains("shards 2, 3 of 3 of sites.csv"), "\(partial.warnings)")
  }

  @Test func shardsOfAnotherVersionOfTheFileDoNotAddUp() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let paths = try shards(2)
    let changed = Array(Self.sites.dropLast())
    let shard = try Shard(index: 2, count: 2)
    let other = try archive(
      "other", sites: shard.sites(of: changed), shard: shard.record(of: changed))
    let text = message { _ = try ArchiveSet.open([paths[0], other]) }
    #expect(text.contains("shard 2 of 2 of sites.csv (6 sites"), "\(text)")
    #expect(text.contains("shard 1 of 2 of sites.csv (5 sites"), "\(text)")
  }

  @Test func aShardGivenTwiceIsRefused() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let paths = try shards(3)
    let shard = try Shard(index: 1, count: 3)
    let copy = try archive(
      "copy", sites: [], shard: shard.record(of: Self.sites))
    #expect(
      message { _ = try ArchiveSet.open(paths + [copy]) }
        == "\(paths[0]) and \(copy) are both shard 1 of 3 of sites.csv")
  }

  @Test func aSiteInTwoArchivesIsRefused() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let first = try archive("a", sites: Array(Self.sites[0...2]))
    let second = try archive("b", sites: Array(Self.sites[2...3]))
    #expect(
      message { _ = try ArchiveSet.open([first, second]) }
        == "\(first) and \(second) both hold https://www.mereranna.ee/ (mereranna): "
        + "merge archives of different sites")
  }

  @Test func archivesCrawledDifferentlyAreRefused() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let first = try archive("a", sites: [Self.sites[0]])
    let deeper = try archive("b", sites: [Self.sites[1]], options: CrawlOptions(maxDepth: 3))
    let politer = try archive("c", sites: [Self.sites[2]], options: CrawlOptions(delay: 5))
    let other = try archive("d", sites: [Self.sites[3]], userAgent: "someone-else")
    #expect(
      message { _ = try ArchiveSet.open([first, deeper]) }
        == "\(first) and \(deeper) were crawled with different options (--max-depth 10 and 3): "
        + "they cannot be ranked as one crawl")
    #expect(
      message { _ = try ArchiveSet.open([first, other]) }
        == "\(first) and \(other) were crawled as different user agents ('muniscan-test' and "
        + "'someone-else'): they cannot be ranked as one crawl")
    // Pacing does not change what is fetched.
    #expect(try ArchiveSet.open([first, politer]).warnings.isEmpty)
  }

  @Test func archivesOfDifferentFilesMerge() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let estonia = try shards(2, of: Array(Self.sites[0...3]))
    let latvia = try archive("lv", sites: [Site(name: "Rīga", url: "https://www.riga.lv/")])
    #expect(try ArchiveSet.open(estonia + [latvia]).archives.count == 3)
  }
}
