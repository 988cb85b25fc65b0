import MuniscanCore
import MuniscanCrawler
import MuniscanHTTP

/// Reads an archive folder without changing it: its manifest, which sites are finished, and a
/// site's archived responses as a Replay (what `score` crawls from, and what resuming replays).
public struct ArchiveReader: Sendable {
  public let layout: ArchiveLayout
  public let manifest: CrawlManifest

  public init(directory: String) throws {
    layout = ArchiveLayout(directory: directory)
    manifest = try CrawlManifest.load(layout)
  }

  init(layout: ArchiveLayout, manifest: CrawlManifest) {
    self.layout = layout
    self.manifest = manifest
  }

  /// The sites whose crawl is complete, in the manifest's order.
  public func finished() -> [FinishedSite] { finishedSites().sites }

  /// The sites whose crawl is complete, in the manifest's order, and what of `done.jsonl` could
  /// not be read (a site whose line is damaged is not among them).
  public func finishedSites() -> (sites: [FinishedSite], damage: [ArchiveDamage]) {
    let file = layout.relative(layout.doneJournal)
    guard let journal = JSONLines.contents(FinishedSite.self, of: layout.doneJournal) else {
      return ([], [ArchiveDamage(file: file, problem: "missing")])
    }
    var byURL: [String: FinishedSite] = [:]
    for line in journal.values { byURL[line.url] = line }
    let sites = manifest.sites.compactMap { byURL[$0.site.url] }
    return (sites, Self.damage(of: journal, file: file, what: "a finished site"))
  }

  /// The index lines of a site, in the order its responses were archived.
  public func entries(_ site: ArchivedSite) -> [PageIndexEntry] {
    JSONLines.read(
      PageIndexEntry.self, from: layout.index(site.key), fastPath: PageIndexEntry.init(line:))
  }

  /// Every archived response of `site` by URL, and what of it could not be read: lines of its
  /// page index, the index itself when `finished` (its line in `done.jsonl`) says it held more,
  /// and records. Every record is read here to find the damage, and again when the crawl asks
  /// for its URL (resuming replays only unfinished sites; scoring uses ``replaying(_:finished:)``).
  public func replay(for site: Site, finished: FinishedSite?, factsFingerprint: UInt64? = nil)
    -> (replay: Replay, damage: [ArchiveDamage])
  {
    let replaying = replaying(site, finished: finished, factsFingerprint: factsFingerprint)
    let damage = replaying.finish()
    return (replaying.replay, damage)
  }

  /// The archived responses of `site`, each record read when the crawl asks for its URL; its
  /// ``ArchiveReplay/finish()`` reads the rest and names what could not be read (as
  /// ``replay(for:finished:)`` does). A finished site that could not be reached replays its
  /// original failure for whatever the archive lacks, so scoring reports the original reason.
  /// With a `factsFingerprint` (see ``FactsFingerprint``), the page facts kept with that
  /// fingerprint are given with their responses.
  public func replaying(_ site: Site, finished: FinishedSite?, factsFingerprint: UInt64? = nil)
    -> ArchiveReplay
  {
    guard let archived = manifest.sites.first(where: { $0.site == site }) else {
      return ArchiveReplay(reader: self, entries: [], indexDamage: [], unarchived: nil)
    }
    let indexPath = layout.index(archived.key)
    let index = JSONLines.contents(
      PageIndexEntry.self, of: indexPath, fastPath: PageIndexEntry.init(line:))
    let damage = Self.damage(
      of: index, file: layout.relative(indexPath), indexed: Self.indexedLines(finished))
    var failure: String?
    if case .unreachable(let reason) = finished?.outcome { failure = reason }
    let storedFacts = factsFingerprint.flatMap {
      StoredFacts(path: layout.facts(archived.key), fingerprint: $0)
    }
    return ArchiveReplay(
      reader: self, entries: index?.values ?? [], indexDamage: damage, unarchived: failure,
      storedFacts: storedFacts)
  }

  /// The HTTP response of the record `entry` points at, which must be the one of its URL, read
  /// through `files`.
  func response(at entry: PageIndexEntry, files: RecordFiles) throws(WARCFileReader.RecordProblem)
    -> HTTPResponse
  {
    let record = try WARCFileReader.record(
      in: layout.warc(entry.warc), offset: entry.offset, length: entry.length, files: files)
    guard let response = ExchangeRecords.response(from: record) else {
      throw WARCFileReader.RecordProblem("holds no HTTP response")
    }
    guard response.url == entry.url else {
      throw WARCFileReader.RecordProblem("holds the response of \(response.url), not \(entry.url)")
    }
    return response
  }

  /// The HTTP response of the record `entry` points at, without its body, when the record's
  /// bytes are those the crawl wrote (the index keeps their CRC-32) and it holds a response to
  /// the entry's URL; nil otherwise (``response(at:files:)`` then says what is wrong).
  func responseHead(at entry: PageIndexEntry, files: RecordFiles) -> HTTPResponse? {
    guard let crc32 = entry.crc32,
      let head = WARCFileReader.recordHead(
        in: layout.warc(entry.warc), offset: entry.offset, length: entry.length, crc32: crc32,
        files: files),
      let response = ExchangeRecords.response(from: head.record, blockLength: head.blockLength),
      response.url == entry.url
    else { return nil }
    return response
  }

  /// What of a site's page index could not be read: lines, or lines missing from the
  /// `indexed` ones the crawl wrote.
  private static func damage(
    of index: JSONLines.Contents<PageIndexEntry>?, file: String, indexed: Int
  ) -> [ArchiveDamage] {
    guard let index else {
      guard indexed > 0 else { return [] }
      return [
        ArchiveDamage(file: file, problem: "missing (the crawl indexed \(indexed) responses)")
      ]
    }
    var damage = Self.damage(of: index, file: file, what: "a page index entry")
    if index.count < indexed {
      damage.append(
        ArchiveDamage(
          file: file, problem: "\(index.count) of the \(indexed) lines the crawl indexed"))
    }
    return damage
  }

  /// The lines the crawl wrote to a site's page index: as its line in `done.jsonl` says, or, in
  /// archives of earlier versions, at least the robots.txt or home page of a site it reached.
  private static func indexedLines(_ finished: FinishedSite?) -> Int {
    guard let finished else { return 0 }
    if let responses = finished.responses { return responses }
    if case .unreachable = finished.outcome { return 0 }
    return 1
  }

  /// The lines of a file that could not be read.
  private static func damage<Value>(
    of contents: JSONLines.Contents<Value>, file: String, what: String
  ) -> [ArchiveDamage] {
    var damage = contents.badLines.map {
      ArchiveDamage(file: file, place: "line \($0)", problem: "not \(what)")
    }
    if contents.torn {
      damage.append(
        ArchiveDamage(
          file: file, place: "line \(contents.count + 1)", problem: "torn (the file ends inside it)"
        ))
    }
    return damage
  }
}
