import Foundation
import MuniscanAudit
import MuniscanCore
import Testing

/// Shard K of N holds the sites whose registrable domain's SHA-256 is K - 1 modulo N: the same in
/// every process, every site in exactly one shard, a domain's sites together.
@Suite struct ShardTests {
  /// Computed apart, with Python's hashlib (`int.from_bytes(sha256(d).digest(), "big") % n + 1`),
  /// so the assignment is that of the hash and not of this process.
  @Test(arguments: [
    ("naidisvald.ee", [2, 3, 4, 4]),
    ("tammelinn.ee", [1, 1, 1, 5]),
    ("mereranna.ee", [1, 3, 3, 3]),
    ("vanakyla.ee", [1, 2, 3, 6]),
    ("elva.ee", [2, 1, 4, 6]),
    ("tartu.ee", [2, 3, 2, 5]),
    ("tallinn.ee", [2, 2, 2, 2]),
  ])
  func assignmentIsTheSHA256OfTheDomain(domain: String, shards: [Int]) {
    #expect([2, 3, 4, 7].map { Shard.index(ofDomain: domain, count: $0) } == shards)
  }

  @Test func everySiteIsInExactlyOneShardInItsOrder() throws {
    let sites = try SitesFile.load(path: Self.repository + "/sites/ee.csv")
    for count in 1...8 {
      let parts = try (1...count).map { try Shard(index: $0, count: count).sites(of: sites) }
      #expect(parts.map(\.count).reduce(0, +) == sites.count)
      #expect(Set(parts.joined()) == Set(sites))
      for part in parts {
        #expect(part == sites.filter(part.contains), "a shard keeps the sites file's order")
      }
    }
  }

  @Test func sitesOfOneRegistrableDomainShareAShard() throws {
    let group = [
      "https://www.tartu.ee/", "https://a.tartu.ee/", "https://tartu.ee/teenused",
      "http://kool.tartu.ee:8080/",
    ].map { Site(name: $0, url: $0) }
    for count in 2...16 {
      let shards = Set(
        group.map { Shard.index(ofDomain: RegistrableDomain.of(url: $0.url), count: count) })
      #expect(shards.count == 1)
      let shard = try Shard(index: shards.first!, count: count)
      #expect(group.allSatisfy(shard.holds))
    }
  }

  @Test(arguments: [
    ("0/3", "shard 0 of 3 does not exist: K counts from 1 to 3"),
    ("4/3", "shard 4 of 3 does not exist: K counts from 1 to 3"),
    ("1/0", "the shard count must be from 1 to"),
    ("a/b", "'a/b' is not K/N"),
    ("3", "'3' is not K/N"),
    ("1/2/3", "'1/2/3' is not K/N"),
  ])
  func badValuesAreOneLineErrors(text: String, message: String) {
    #expect {
      try Shard(parsing: text)
    } throws: { error in
      "\(error)".contains(message) && !"\(error)".contains("\n")
    }
  }

  @Test func namesAndFolders() throws {
    let shard = try Shard(parsing: "2/3")
    #expect(shard.index == 2 && shard.count == 3 && shard.folderName == "shard-2-of-3")
    #expect(shard.folder(in: "crawls/2026-11") == "crawls/2026-11/shard-2-of-3")
    #expect(shard.folder(in: "crawls/2026-11/") == "crawls/2026-11/shard-2-of-3")
  }

  @Test func theRecordNamesTheWholeFileInAnyOrder() throws {
    let sites = [
      Site(name: "A", url: "https://a.ee/"), Site(name: "B", url: "https://b.ee/"),
      Site(name: "C", url: "https://c.ee/"),
    ]
    let shard = try Shard(index: 1, count: 2)
    let record = shard.record(of: sites)
    #expect(record.index == 1 && record.count == 2 && record.sitesInFile == 3)
    #expect(record.sitesDigest.hasPrefix("sha256:") && record.sitesDigest.count == 7 + 64)
    #expect(shard.record(of: sites.reversed()) == record)
    var renamed = sites
    renamed[2].name = "C linn"
    #expect(shard.record(of: renamed).sitesDigest != record.sitesDigest)
  }

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
}
