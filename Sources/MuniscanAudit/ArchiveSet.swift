import MuniscanArchive
import MuniscanCore

/// Several crawl archives to be judged as one crawl (`muniscan merge`): the shard archives of a
/// job array, or crawls of different sites files. Opening them checks that one ranking of them
/// means what a single-machine run of the same sites would: they were crawled with the same
/// options and user agent, no site is in two of them, and shard archives add up to their whole
/// sites file (every shard once, each cut from the same version of the file).
public struct ArchiveSet: Sendable {
  public let archives: [ArchiveReader]
  /// What the ranking lacks or how it was judged, one line each: shards missing (when allowed)
  /// and crawl dates that differ.
  public let warnings: [String]

  /// Opens the archives in `directories`; throws a one-line error naming the archives at fault.
  /// Missing shards are an error unless `allowingMissingShards`, when they are warnings.
  public static func open(_ directories: [String], allowingMissingShards: Bool = false) throws
    -> ArchiveSet
  {
    let archives = try directories.map { try ArchiveReader(directory: $0) }
    try checkCrawledAlike(archives)
    try checkNoSiteTwice(archives)
    let missing = try shardsMissing(archives)
    guard missing.isEmpty || allowingMissingShards else {
      throw MuniscanError(
        missing.joined(separator: "; ")
          + ": give every shard's archive, or --allow-missing-shards to rank without them")
    }
    var warnings = missing.map { $0 + ": the ranking lacks their sites" }
    let days = Set(archives.map(\.manifest.crawlDate))
    if let first = days.min(), let last = days.max(), first != last {
      warnings.append(
        "the archives were crawled from \(first) to \(last): freshness is judged as of \(first) "
          + "unless --as-of is given")
    }
    return ArchiveSet(archives: archives, warnings: warnings)
  }

  private static func checkCrawledAlike(_ archives: [ArchiveReader]) throws {
    guard let first = archives.first else { return }
    for other in archives.dropFirst() {
      let names = "\(first.layout.directory) and \(other.layout.directory)"
      if let difference = CrawlManifest.difference(first.manifest.options, other.manifest.options) {
        throw MuniscanError(
          "\(names) were crawled with different options (\(difference.flag) \(difference.first) "
            + "and \(difference.second)): they cannot be ranked as one crawl")
      }
      if first.manifest.userAgent != other.manifest.userAgent {
        throw MuniscanError(
          "\(names) were crawled as different user agents ('\(first.manifest.userAgent)' and "
            + "'\(other.manifest.userAgent)'): they cannot be ranked as one crawl")
      }
    }
  }

  private static func checkNoSiteTwice(_ archives: [ArchiveReader]) throws {
    var holder: [String: String] = [:]
    for archive in archives {
      for archived in archive.manifest.sites {
        let key = URLNormalizer.normalize(archived.site.url) ?? archived.site.url
        if let other = holder.updateValue(archive.layout.directory, forKey: key) {
          throw MuniscanError(
            "\(other) and \(archive.layout.directory) both hold \(archived.site.url) "
              + "(\(archived.site.name)): merge archives of different sites")
        }
      }
    }
  }

  /// One line for each split of a sites file whose shards are not all given; throws when a shard
  /// is given twice or the shards hold other sites than their file.
  private static func shardsMissing(_ archives: [ArchiveReader]) throws -> [String] {
    let shards = archives.compactMap { archive in archive.manifest.shard.map { (archive, $0) } }
    let splits = Dictionary(grouping: shards) { Split(record: $0.1) }
    var missing: [String] = []
    for split in splits.keys.sorted(by: { ($0.sitesDigest, $0.count) < ($1.sitesDigest, $1.count) })
    {
      let group = splits[split] ?? []
      var byIndex: [Int: ArchiveReader] = [:]
      for (archive, shard) in group {
        if let other = byIndex.updateValue(archive, forKey: shard.index) {
          throw MuniscanError(
            "\(other.layout.directory) and \(archive.layout.directory) are both \(shard.name) "
              + "of \(archive.manifest.sitesFile)")
        }
      }
      let file =
        "\(group[0].0.manifest.sitesFile) (\(split.sitesInFile) sites, "
        + "\(split.sitesDigest.prefix(19))…)"
      let absent = (1...split.count).filter { byIndex[$0] == nil }
      if !absent.isEmpty {
        let listed = absent.prefix(5).map(String.init).joined(separator: ", ")
        missing.append(
          "\(absent.count == 1 ? "shard" : "shards") \(listed)\(absent.count > 5 ? ", …" : "") of "
            + "\(split.count) of \(file) \(absent.count == 1 ? "is" : "are") missing")
        continue
      }
      let held = group.map(\.0.manifest.sites.count).reduce(0, +)
      if held != split.sitesInFile {
        throw MuniscanError(
          "the \(split.count) shards of \(file) hold \(held) sites, not the file's "
            + "\(split.sitesInFile): crawl them again")
      }
    }
    return missing
  }
}

/// The shards cut from one version of a sites file into one number of parts.
private struct Split: Hashable {
  var count: Int
  var sitesInFile: Int
  var sitesDigest: String

  init(record: ShardRecord) {
    count = record.count
    sitesInFile = record.sitesInFile
    sitesDigest = record.sitesDigest
  }
}
