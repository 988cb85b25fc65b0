import Crypto
import Foundation
import MuniscanArchive
import MuniscanCore

/// One part of a static split of a sites file over the tasks of a job array (Slurm, Kubernetes
/// Indexed Jobs, AWS Batch): shard K of N holds the sites whose registrable domain's SHA-256,
/// read as a big-endian integer, is K − 1 modulo N. The hash is the same on every machine and in
/// every process (Swift's `hashValue` is seeded per process), and sites sharing a registrable
/// domain share a shard, so one machine keeps their politeness. K counts from 1, as in
/// `shard-1-of-3`; schedulers count their tasks from 0, which ``Shard/fromEnvironment(_:count:)``
/// turns into K.
public struct Shard: Sendable, Hashable {
  /// K, from 1 to ``count``.
  public let index: Int
  /// N, the number of shards.
  public let count: Int

  /// Shard `index` of `count`; throws a one-line error unless 1 ≤ index ≤ count.
  public init(index: Int, count: Int) throws {
    guard (1...Self.maxCount).contains(count) else {
      throw MuniscanError("the shard count must be from 1 to \(Self.maxCount), not \(count)")
    }
    guard (1...count).contains(index) else {
      throw MuniscanError("shard \(index) of \(count) does not exist: K counts from 1 to \(count)")
    }
    self.index = index
    self.count = count
  }

  /// The most shards: enough for any scheduler, and small enough for the hash arithmetic.
  static let maxCount = 1 << 32

  /// `K/N`, as `--shard` takes it.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw MuniscanError("'\(text)' is not K/N (shard K of N, K from 1 to N) or auto")
    }
    try self.init(index: index, count: count)
  }

  /// The folder of this shard's output inside a folder that all shards share: `shard-2-of-3`.
  public var folderName: String { "shard-\(index)-of-\(count)" }

  /// `folder/shard-2-of-3`.
  public func folder(in folder: String) -> String {
    (folder.hasSuffix("/") ? folder : folder + "/") + folderName
  }

  /// The shard, from 1 to `count`, that holds the sites of a registrable domain.
  public static func index(ofDomain domain: String, count: Int) -> Int {
    var remainder: UInt64 = 0
    for byte in SHA256.hash(data: Data(domain.utf8)) {
      remainder = (remainder << 8 | UInt64(byte)) % UInt64(count)
    }
    return Int(remainder) + 1
  }

  /// Whether this shard holds `site`.
  public func holds(_ site: Site) -> Bool {
    Self.index(ofDomain: RegistrableDomain.of(url: site.url), count: count) == index
  }

  /// The sites of `sites` this shard holds, in their order.
  public func sites(of sites: [Site]) -> [Site] { sites.filter(holds) }

  /// What a shard crawl records in its manifest: this shard of the whole list `sites`, whose
  /// digest does not depend on the order of the sites.
  public func record(of sites: [Site]) -> ShardRecord {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let bytes =
      (try? encoder.encode(sites.sorted { ($0.url, $0.name) < ($1.url, $1.name) })) ?? Data()
    let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    return ShardRecord(
      index: index, count: count, sitesInFile: sites.count, sitesDigest: "sha256:" + digest)
  }
}
