import MuniscanCore
import MuniscanCrawler

/// Where one archived response is: one line of a site's page index (`index/<site>.jsonl`).
public struct PageIndexEntry: Sendable, Codable, Hashable {
  public var url: String
  public var status: Int
  public var contentType: String
  /// The WARC file's name (in `warc/`).
  public var warc: String
  /// Byte offset and compressed length of the response record in that file.
  public var offset: Int
  public var length: Int
  /// When the response arrived, `YYYY-MM-DDTHH:MM:SSZ`.
  public var fetchedAt: String

  public init(
    url: String, status: Int, contentType: String, warc: String, offset: Int, length: Int,
    fetchedAt: String
  ) {
    self.url = url
    self.status = status
    self.contentType = contentType
    self.warc = warc
    self.offset = offset
    self.length = length
    self.fetchedAt = fetchedAt
  }

  var end: Int { offset + length }
}

/// A finished site: one line of `done.jsonl`, written when its crawl is complete.
public struct FinishedSite: Sendable, Codable, Hashable {
  /// The site's URL in the sites file.
  public var url: String
  public var name: String
  /// Why the site could not be crawled, when it could not.
  public var unreachable: String?
  /// Whether the crawler stopped early after too many consecutive failures (absent: no).
  public var gaveUp: Bool?
  public var pages: Int
  public var stats: CrawlStats
  public var finishedAt: String

  init(_ crawl: SiteCrawl, finishedAt: Double) {
    url = crawl.site.url
    name = crawl.site.name
    if case .unreachable(let reason) = crawl.outcome { unreachable = reason }
    gaveUp = crawl.gaveUp ? true : nil
    pages = crawl.pages.count
    stats = crawl.stats
    self.finishedAt = UTCTime.iso(finishedAt)
  }
}
