import Foundation
import MuniscanCore
import MuniscanCrawler

/// What an archive holds and how it was made (`crawl.json`): written when a crawl starts,
/// checked when it is resumed, and read by `score`, which crawls again from the archive with
/// the same options and judges freshness against `crawlDate`. It names no rules: an archive
/// can be scored with any rule set.
public struct CrawlManifest: Sendable, Codable {
  public static let currentFormat = "muniscan-crawl/1"

  public var format: String
  /// The program that made the archive, e.g. `muniscan 0.1.0`.
  public var software: String
  /// When the crawl was started (its first run), `YYYY-MM-DDTHH:MM:SSZ`.
  public var startedAt: String
  /// The UTC day the crawl started: the audit date when scoring without `--as-of`.
  public var crawlDate: Day
  /// The sites file the crawl was started with, as given.
  public var sitesFile: String
  public var sites: [ArchivedSite]
  public var options: CrawlOptions
  public var userAgent: String
  /// The part of the sites file this crawl took, when it is one shard of several.
  public var shard: ShardRecord?

  public init(
    software: String, startedAt: Double, sitesFile: String, sites: [Site], options: CrawlOptions,
    userAgent: String, shard: ShardRecord? = nil
  ) {
    format = Self.currentFormat
    self.software = software
    self.startedAt = UTCTime.iso(startedAt)
    crawlDate = UTCTime.day(startedAt)
    self.sitesFile = sitesFile
    self.sites = ArchivedSite.keyed(sites)
    self.options = options
    self.userAgent = userAgent
    self.shard = shard
  }

  public static func load(_ layout: ArchiveLayout) throws -> CrawlManifest {
    guard let data = FileManager.default.contents(atPath: layout.manifest) else {
      throw ArchiveError.notAnArchive(layout.directory)
    }
    let manifest: CrawlManifest
    do {
      manifest = try JSONDecoder().decode(CrawlManifest.self, from: data)
    } catch {
      throw ArchiveError.unreadableManifest(layout.manifest, Self.describe(error))
    }
    guard manifest.format == currentFormat else {
      throw ArchiveError.unreadableManifest(
        layout.manifest, "format '\(manifest.format)', expected '\(currentFormat)'")
    }
    return manifest
  }

  func save(_ layout: ArchiveLayout) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      try (try encoder.encode(self) + Data([10])).write(
        to: URL(fileURLWithPath: layout.manifest), options: .atomic)
    } catch {
      throw ArchiveError.io(layout.manifest, "cannot write (\(error.localizedDescription))")
    }
  }

  /// Throws `.mismatch` when a run with `sites` and `options` would not continue this crawl:
  /// other sites, another shard, or options that change what is fetched. Pacing (delay,
  /// concurrency, connections per host, retries) may change.
  func checkResume(
    sites: [Site], sitesFile: String, options: CrawlOptions, shard: ShardRecord?,
    directory: String
  ) throws {
    let advice = "resume with the same sites and options, or choose another --out"
    if sites != self.sites.map(\.site) {
      let started = Set(self.sites.map(\.site))
      let difference =
        sites.first { !started.contains($0) }.map { "\($0.name) \($0.url) was not in it" }
        ?? self.sites.first { !sites.contains($0.site) }.map {
          "\($0.site.name) \($0.site.url) is missing"
        }
        ?? "the order differs"
      throw ArchiveError.mismatch(
        "\(sitesFile): the crawl in \(directory) was started with other sites (\(difference)); \(advice)"
      )
    }
    if shard != self.shard {
      throw ArchiveError.mismatch(
        "\(sitesFile): the crawl in \(directory) was started as \(Self.describe(self.shard)), not "
          + "\(Self.describe(shard)); \(advice)")
    }
    if let difference = Self.difference(self.options, options) {
      throw ArchiveError.mismatch(
        "the crawl in \(directory) was started with \(difference.flag) \(difference.first), not "
          + "\(difference.second); \(advice)")
    }
  }

  /// The first option that decides what a crawl fetches and is not the same in `first` and
  /// `second`, as its command-line flag and both values; nil when they fetch alike.
  public static func difference(_ first: CrawlOptions, _ second: CrawlOptions) -> (
    flag: String, first: String, second: String
  )? {
    let before = resultOptions(first)
    let now = resultOptions(second)
    guard let key = before.keys.sorted().first(where: { before[$0] != now[$0] }) else {
      return nil
    }
    return ("--" + flag(key), before[key] ?? "unset", now[key] ?? "unset")
  }

  /// `shard 2 of 3 of 79 sites (sha256:0123456789ab…)`, or `an unsharded crawl`.
  private static func describe(_ shard: ShardRecord?) -> String {
    guard let shard else { return "an unsharded crawl" }
    return "\(shard.name) of \(shard.sitesInFile) sites (\(shard.sitesDigest.prefix(19))…)"
  }

  /// The options that decide what a crawl fetches, as text by name.
  private static func resultOptions(_ options: CrawlOptions) -> [String: String] {
    var options = options
    options.delay = 0
    options.maxCrawlDelay = 0
    options.concurrentSites = 1
    options.connectionsPerHost = 1
    options.retry = RetryPolicy()
    guard let data = try? JSONEncoder().encode(options),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    // Each value as canonical JSON (sorted keys), so nested options compare by content.
    return object.mapValues { value in
      guard
        let json = try? JSONSerialization.data(
          withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
      else { return "\(value)" }
      return String(decoding: json, as: UTF8.self)
    }
  }

  /// `maxURLLength` → `max-url-length`.
  private static func flag(_ name: String) -> String {
    var words: [String] = []
    var word = ""
    let characters = Array(name)
    for (index, character) in characters.enumerated() {
      let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
      if character.isUppercase && !word.isEmpty
        && (!(word.last?.isUppercase ?? false) || nextIsLower)
      {
        words.append(word)
        word = ""
      }
      word.append(character)
    }
    words.append(word)
    return words.map { $0.lowercased() }.joined(separator: "-")
  }
}

/// A site of an archived crawl and the key naming its files (`index/<key>.jsonl`): its host
/// without `www.`, numbered when two sites share one.
public struct ArchivedSite: Sendable, Codable, Hashable {
  public var site: Site
  public var key: String

  static func keyed(_ sites: [Site]) -> [ArchivedSite] {
    var used = Set<String>()
    return sites.map { site in
      let host = URLNormalizer.siteKey(site.url) ?? "site"
      let base = String(
        host.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
      var key = base
      var number = 2
      while !used.insert(key).inserted {
        key = "\(base)-\(number)"
        number += 1
      }
      return ArchivedSite(site: site, key: key)
    }
  }
}

extension CrawlManifest {
  /// A JSON decoding error in one line: what is wrong and where (`options.delay`), never
  /// Foundation's multi-line dump.
  static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error.localizedDescription)" }
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
      return keys.isEmpty ? "the top level" : keys.joined(separator: ".")
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "'\(key.stringValue)' is missing at \(path(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(path(context)) has the wrong type"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)) is not valid"
    @unknown default:
      return "not a crawl manifest"
    }
  }
}
