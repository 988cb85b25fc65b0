/// Which part of a sites file a shard crawl took (`crawl --shard K/N`), kept in the manifest so
/// that `merge` can tell whether its archives add up to the whole sites file, and so that a
/// resumed shard is the same shard of the same file.
public struct ShardRecord: Sendable, Codable, Hashable {
  /// K, counted from 1.
  public var index: Int
  /// N, the number of shards.
  public var count: Int
  /// How many sites the whole sites file lists.
  public var sitesInFile: Int
  /// `sha256:` and the hex digest of the whole sites file's sites: shards cut from different
  /// versions of a file differ here.
  public var sitesDigest: String

  public init(index: Int, count: Int, sitesInFile: Int, sitesDigest: String) {
    self.index = index
    self.count = count
    self.sitesInFile = sitesInFile
    self.sitesDigest = sitesDigest
  }

  /// `shard 2 of 3`.
  public var name: String { "shard \(index) of \(count)" }
}
