import Foundation
import MuniscanCore
import MuniscanGzip
import MuniscanHTML

/// Sitemaps seed the frontier with pages no link leads to: the `Sitemap:` lines of robots.txt
/// and `/sitemap.xml`, sitemap indexes (nested, within a fetch budget), gzip-compressed files.
extension CrawlSession {
  /// Sitemap files fetched per site at most, indexes and their children together.
  static let maxSitemapFetches = 10

  /// The site's pages its sitemaps list, in order, each once, at most `maxPages` of them. URLs
  /// on the site's hosts are fetched from the home page's origin, since sitemaps often name
  /// `http://` or the other of `www.` and the bare domain.
  func sitemapURLs(home: String) async -> [String] {
    var (queue, named) = sitemapSeeds(home: home)
    var fetched = Set<String>()
    var pages: [String] = []
    var seenPages = Set<String>()
    var next = 0
    while next < queue.count, fetched.count < Self.maxSitemapFetches, pages.count < options.maxPages
    {
      let url = queue[next]
      next += 1
      guard fetched.insert(url).inserted else { continue }
      guard let sitemap = await fetchSitemap(url, named: named.contains(url)) else { continue }
      let locations = sitemap.locations.compactMap { onHomeOrigin($0, home: home) }
      switch sitemap.kind {
      case .index:
        queue.append(contentsOf: locations)
        named.formUnion(locations)
      case .urlSet:
        for location in locations
        where pages.count < options.maxPages && seenPages.insert(location).inserted {
          pages.append(location)
        }
      }
    }
    return pages
  }

  /// The sitemaps to fetch first: those robots.txt names (`named`), then `/sitemap.xml`
  /// unless robots.txt names it or keeps the crawler from it. Not inlined: a site's task keeps
  /// the largest async frame stack it has reached, and this work needs no suspension.
  @inline(never)
  private func sitemapSeeds(home: String) -> (queue: [String], named: Set<String>) {
    let listed = knownRobots(for: home)?.rules.sitemaps ?? []
    var queue = listed.compactMap { onHomeOrigin($0, home: home) }
    let named = Set(queue)
    if let fallback = URLNormalizer.resolve("/sitemap.xml", against: home),
      !named.contains(fallback), knownRobotsRefusal(for: fallback) == nil
    {
      queue.append(fallback)
    }
    return (queue, named)
  }

  /// One sitemap file, decompressed and parsed; failures of sitemaps the site names (in
  /// robots.txt or an index) are problems, a missing `/sitemap.xml` is not.
  private func fetchSitemap(_ url: String, named: Bool) async -> Sitemap? {
    func problem(_ text: String) -> Sitemap? {
      if named { state.problems.append("\(url): sitemap \(text)") }
      return nil
    }
    switch await fetchFollowing(url, redirects: .onSite) {
    case .failed(let reason):
      return problem(reason)
    case .skipped:
      return problem("redirects off the site")
    case .refused(let refusal):
      return problem("\(refusal)")
    case .answer(let response, _, _):
      guard response.status == 200 else { return problem("answered \(response.status)") }
      switch SitemapBody.read(response.body) {
      case .invalidGzip:
        return problem("is not valid gzip")
      case .notASitemap:
        return problem("is not a sitemap")
      case .sitemap(let sitemap, let cut):
        if cut { state.problems.append("\(url): sitemap cut at \(SitemapBody.maxBytes) bytes") }
        return sitemap
      }
    }
  }

  /// `raw` normalised and moved onto the home page's scheme, host and port, when it is on the
  /// site; nil otherwise. Not inlined, for the reason ``sitemapSeeds(home:)`` gives.
  @inline(never)
  func onHomeOrigin(_ raw: String, home: String) -> String? {
    guard let url = URLNormalizer.normalize(raw), scope.isOnSite(url),
      var parts = URLComponents(string: url), let origin = URLComponents(string: home)
    else { return nil }
    parts.scheme = origin.scheme
    parts.host = origin.host
    parts.port = origin.port
    return parts.string.flatMap(URLNormalizer.normalize)
  }
}
