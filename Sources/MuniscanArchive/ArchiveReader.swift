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
  public func finished() -> [FinishedSite] {
    var byURL: [String: FinishedSite] = [:]
    for line in JSONLines.read(FinishedSite.self, from: layout.doneJournal) {
      byURL[line.url] = line
    }
    return manifest.sites.compactMap { byURL[$0.site.url] }
  }

  /// The index lines of a site, in the order its responses were archived.
  public func entries(_ site: ArchivedSite) -> [PageIndexEntry] {
    JSONLines.read(PageIndexEntry.self, from: layout.index(site.key))
  }

  /// Every archived response of `site` by URL, and a line for each record that could not be read.
  public func replay(for site: Site) -> (replay: Replay, unreadable: [String]) {
    guard let archived = manifest.sites.first(where: { $0.site == site }) else {
      return (Replay(), [])
    }
    var responses: [String: HTTPResponse] = [:]
    var unreadable: [String] = []
    for entry in entries(archived) {
      do {
        let record = try WARCFileReader.record(
          in: layout.warc(entry.warc), offset: entry.offset, length: entry.length)
        guard let response = ExchangeRecords.response(from: record) else {
          throw ArchiveError.io(
            layout.warc(entry.warc), "offset \(entry.offset) holds no HTTP response")
        }
        responses[response.url] = response
      } catch {
        unreadable.append("\(error)")
      }
    }
    // A site that could not be reached failed on the first request the archive lacks (its
    // robots.txt or home page): replay that failure, so scoring reports the original reason.
    let failure = finished().first(where: { $0.url == site.url })?.unreachable
    return (Replay(responses, unarchived: failure), unreadable)
  }
}
