import MuniscanGzip
import MuniscanHTML

/// A fetched sitemap file's body read into a ``Sitemap``: gzip undone (a `.xml.gz` served as
/// it is), with a cap on the decompressed size, then parsed. One entry point, so the crawler and
/// the sitemap fuzz target read bodies the same way.
public enum SitemapBody {
  /// Decompressed bytes read per sitemap file at most.
  public static let maxBytes = 20_000_000

  /// What a body held.
  public enum Reading: Sendable, Equatable {
    /// A sitemap; `cut` when its decompressed bytes went past the cap and the rest was dropped.
    case sitemap(Sitemap, cut: Bool)
    /// Gzip (by its magic number) that does not decompress.
    case invalidGzip
    /// Neither an XML sitemap nor a text one.
    case notASitemap
  }

  /// The sitemap in `body`, decompressing at most `maxBytes` bytes of it.
  public static func read(_ body: [UInt8], maxBytes: Int = maxBytes) -> Reading {
    var body = body
    var cut = false
    if Gzip.isGzip(body) {
      guard let inflated = Gzip.decompress(body, maxBytes: maxBytes) else { return .invalidGzip }
      cut = inflated.truncated
      body = inflated.bytes
    }
    guard let sitemap = SitemapParser.parse(body) else { return .notASitemap }
    return .sitemap(sitemap, cut: cut)
  }
}
