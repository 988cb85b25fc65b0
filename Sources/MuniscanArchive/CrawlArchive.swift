import Foundation
import MuniscanCore
import MuniscanCrawler

/// The recorder that archives a crawl: each exchange becomes a request and a response record
/// in the WARC files, then a line in its site's page index; a finished site becomes a line in
/// `done.jsonl`. Writing in this order means an index line only ever names a whole record, and
/// a site is only marked finished once all its records are on disk. The facts the crawl read
/// from a page follow its exchange into the site's facts file (see ``StoredFacts``), named by
/// its response record.
public actor CrawlArchive: CrawlRecorder {
  public let layout: ArchiveLayout
  private let writer: WARCFileWriter
  private let keys: [String: String]
  /// Sites some exchange of which could not be written; they are never marked finished.
  private var damaged: Set<String> = []
  /// What the crawl's page facts are read with; nil keeps no facts.
  private let factsFingerprint: UInt64?
  /// The response record written last for each page (site and URL) whose facts are still to
  /// come: as many as answers in flight, and the few HTML answers never read as pages (a
  /// robots.txt served as an HTML page), dropped when their site finishes.
  private var awaitingFacts: [PageAddress: StoredFacts.Source] = [:]

  /// The page index and facts file of each site being crawled (by its URL), held open until
  /// the site finishes.
  private var openFiles: [String: SiteFiles] = [:]

  /// How many pages' facts are still to come (what `awaitingFacts` holds).
  var pagesAwaitingFacts: Int { awaitingFacts.count }

  /// Sites whose files are held open (at most those crawled at once).
  var sitesWithOpenFiles: Int { openFiles.count }

  private struct SiteFiles {
    var index: AppendingFile
    /// Opened with the site's first page facts.
    var facts: AppendingFile?
  }

  private struct PageAddress: Hashable {
    var site: String
    var url: String
  }

  /// Default size at which a WARC file is ended and the next begun.
  public static let defaultMaxFileBytes = 1 << 30

  /// An archive writer; with a `factsFingerprint` (see ``FactsFingerprint``), it keeps the
  /// page facts the crawl reads with it.
  public init(
    layout: ArchiveLayout, manifest: CrawlManifest, operatorName: String?,
    maxFileBytes: Int = defaultMaxFileBytes, factsFingerprint: UInt64? = nil
  ) throws {
    self.layout = layout
    self.factsFingerprint = factsFingerprint
    keys = Dictionary(
      manifest.sites.map { ($0.site.url, $0.key) }, uniquingKeysWith: { first, _ in first })
    writer = try WARCFileWriter(
      folder: layout.warcFolder, maxFileBytes: maxFileBytes,
      info: [
        ("software", manifest.software),
        ("format", "WARC File Format 1.1"),
        (
          "conformsTo",
          "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
        ),
        ("isPartOf", (layout.directory as NSString).lastPathComponent),
        ("robots", manifest.options.obeyRobots ? "obey" : "ignore"),
        ("http-header-user-agent", manifest.userAgent),
        ("operator", operatorName ?? manifest.userAgent),
      ])
    for folder in [layout.indexFolder] + (factsFingerprint == nil ? [] : [layout.factsFolder]) {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw ArchiveError.io(folder, "cannot create the folder (\(error.localizedDescription))")
      }
    }
  }

  /// Writes the exchange's records. They are made and compressed (most of archiving's work)
  /// in the calling task, on every processor; the archive only places and writes them.
  public nonisolated func record(_ exchange: Exchange) async throws {
    try await write(WARCFileWriter.compress(ExchangeRecords.records(for: exchange)), of: exchange)
  }

  private func write(_ records: CompressedRecords, of exchange: Exchange) throws {
    guard let key = keys[exchange.site.url] else {
      throw ArchiveError.io(layout.manifest, "\(exchange.site.url) is not a site of this crawl")
    }
    do {
      let placements = try writer.append(records, at: exchange.fetchedAt)
      guard let response = placements.last else { return }
      let entry = PageIndexEntry(
        url: exchange.request.url, status: exchange.response.status,
        contentType: exchange.response.header("content-type") ?? "", warc: response.file,
        offset: response.offset, length: response.length,
        fetchedAt: UTCTime.iso(exchange.fetchedAt), crc32: response.crc32)
      try files(of: exchange.site.url, key: key).index.append(entry.line)
      if factsFingerprint != nil, exchange.readsAsPage {
        awaitingFacts[PageAddress(site: exchange.site.url, url: exchange.request.url)] =
          StoredFacts.Source(warc: response.file, offset: response.offset)
      }
    } catch {
      damaged.insert(exchange.site.url)
      throw error
    }
  }

  /// Appends the facts to the site's facts file, named by the response record of `url` written
  /// last. Facts only spare `score` a parse: one that cannot be written is left out (its page
  /// is parsed then), and the crawl goes on.
  public func recordFacts(_ facts: PageFacts, site: Site, url: String) async {
    guard let factsFingerprint, let key = keys[site.url],
      let source = awaitingFacts.removeValue(forKey: PageAddress(site: site.url, url: url))
    else { return }
    guard var files = try? files(of: site.url, key: key) else { return }
    if files.facts == nil {
      files.facts = try? AppendingFile(layout.facts(key))
      openFiles[site.url] = files
    }
    try? files.facts?.append(
      StoredFacts.record(facts, fingerprint: factsFingerprint, source: source))
  }

  /// The site's open files, its page index opened on first use.
  private func files(of site: String, key: String) throws -> SiteFiles {
    if let files = openFiles[site] { return files }
    let files = SiteFiles(index: try AppendingFile(layout.index(key)))
    openFiles[site] = files
    return files
  }

  public func finish(_ crawl: SiteCrawl) throws {
    awaitingFacts = awaitingFacts.filter { $0.key.site != crawl.site.url }
    openFiles[crawl.site.url] = nil
    guard !damaged.contains(crawl.site.url) else {
      throw ArchiveError.siteIncomplete(crawl.site.url)
    }
    writer.sync()
    let responses = keys[crawl.site.url].map { JSONLines.count(in: layout.index($0)) } ?? 0
    try JSONLines.append(
      FinishedSite(crawl, responses: responses, finishedAt: Date().timeIntervalSince1970),
      to: layout.doneJournal)
  }

  /// Ends the current WARC file (flushed to disk) and closes the sites' files.
  public func close() {
    writer.close()
    openFiles = [:]
  }
}
