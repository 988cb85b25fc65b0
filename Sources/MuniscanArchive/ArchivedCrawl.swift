import Foundation
import Logging
import MuniscanCore
import MuniscanCrawler
import MuniscanHTML
import MuniscanHTTP

/// A crawl of many sites into an archive folder that can be stopped at any moment (killed
/// included) and started again with the same sites and options to continue where it stopped:
/// finished sites are skipped, and an unfinished site is crawled again with its archived
/// responses replayed, so its frontier rebuilds exactly and only pages not yet archived are
/// fetched. The crawl only collects, whatever the rules: a rule set's locale and queries only
/// decide the page facts it keeps beside the archive for `score` (see ``StoredFacts``).
public struct ArchivedCrawl: Sendable {
  public let layout: ArchiveLayout
  public let manifest: CrawlManifest
  /// Sites finished by earlier runs, in the manifest's order.
  public let finishedBefore: [FinishedSite]
  /// Whether the folder held this crawl already.
  public let isResuming: Bool
  /// What was repaired in an archive left by a killed run, one line per change.
  public let repairs: [String]

  /// Starts a crawl in `directory`, or checks that the one there has the same sites, options and
  /// shard and repairs what a killed run left torn.
  public static func open(
    directory: String, sitesFile: String, sites: [Site], options: CrawlOptions, userAgent: String,
    software: String, shard: ShardRecord? = nil
  ) throws -> ArchivedCrawl {
    let layout = ArchiveLayout(directory: directory)
    if FileManager.default.fileExists(atPath: layout.manifest) {
      let manifest = try CrawlManifest.load(layout)
      try manifest.checkResume(
        sites: sites, sitesFile: sitesFile, options: options, shard: shard, directory: directory)
      let repairs = try ArchiveRepair.run(layout, manifest: manifest)
      let reader = ArchiveReader(layout: layout, manifest: manifest)
      return ArchivedCrawl(
        layout: layout, manifest: manifest, finishedBefore: reader.finished(), isResuming: true,
        repairs: repairs)
    }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw ArchiveError.io(directory, "cannot create the folder (\(error.localizedDescription))")
    }
    let manifest = CrawlManifest(
      software: software, startedAt: Date().timeIntervalSince1970, sitesFile: sitesFile,
      sites: sites, options: options, userAgent: userAgent, shard: shard)
    try manifest.save(layout)
    return ArchivedCrawl(
      layout: layout, manifest: manifest, finishedBefore: [], isResuming: false, repairs: [])
  }

  /// The sites still to crawl.
  public var pending: [Site] {
    let done = Set(finishedBefore.map(\.url))
    return manifest.sites.map(\.site).filter { !done.contains($0.url) }
  }

  /// Crawls the pending sites through `client`, archiving every exchange, and returns every
  /// finished site, earlier runs' included. Cancelling the task stops it cleanly: exchanges
  /// under way are archived or dropped whole, and the sites it interrupts stay unfinished.
  /// `observer` is told how the crawl goes. Pages are analysed with the rule set's `queries` and
  /// `locale`, and their facts kept, so a `score` with the same rule set need not parse them; a
  /// caller that judges as it crawls gets each site crawled now in `onSite` as its crawl ends
  /// (as `NationCrawler` hands them on), its pages read ahead for it by `preread`. Without
  /// `onSite` nothing reads a site's pages back when it ends (``PageKeeping/addressesOnly``).
  public func run(
    client: any HTTPFetching, logger: Logger, operatorName: String? = nil,
    maxFileBytes: Int = CrawlArchive.defaultMaxFileBytes, observer: (any CrawlObserver)? = nil,
    queries: [PageQuery] = [], locale: PageLocale = .none, preread: SiteCrawler.Preread? = nil,
    onSite: (@Sendable (SiteCrawl) async -> Void)? = nil
  ) async throws -> [FinishedSite] {
    let fingerprint = FactsFingerprint.of(queries: queries, locale: locale)
    let archive = try CrawlArchive(
      layout: layout, manifest: manifest, operatorName: operatorName, maxFileBytes: maxFileBytes,
      factsFingerprint: fingerprint)
    let reader = ArchiveReader(layout: layout, manifest: manifest)
    let crawler = SiteCrawler(
      client: client, options: manifest.options, queries: queries, locale: locale, logger: logger,
      recorder: archive, observer: observer, pages: onSite != nil ? .factsOnDisk : .addressesOnly,
      preread: onSite != nil ? preread : nil)
    let replay: @Sendable (Site) async -> Replay = { site in
      let (replay, damage) = reader.replay(
        for: site, finished: nil, factsFingerprint: fingerprint)
      for problem in damage {
        logger.warning("\(layout.directory)/\(problem); fetching it again")
      }
      return replay
    }
    await NationCrawler(crawler: crawler).crawl(pending, replay: replay, onSite: onSite ?? { _ in })
    await archive.close()
    return reader.finished()
  }
}
