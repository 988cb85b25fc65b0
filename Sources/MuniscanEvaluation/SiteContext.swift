import MuniscanCore

/// One crawled site prepared for judging: its pages indexed once and looked up by URL, so a
/// link's target page (its status, its dates) is known to every rule.
final class SiteContext {
  let crawl: SiteCrawl
  let pages: [IndexedPage]
  let siteKey: String
  private let byURL: [String: IndexedPage]
  private let redirects: [String: String]

  init(_ crawl: SiteCrawl, matcher: PhraseMatcher) {
    self.crawl = crawl
    pages = crawl.pages.map { IndexedPage($0, matcher: matcher) }
    siteKey = URLNormalizer.siteKey(crawl.finalURL ?? crawl.site.url) ?? ""
    var byURL: [String: IndexedPage] = [:]
    for page in pages {
      let key = URLNormalizer.normalize(page.facts.url) ?? page.facts.url
      if byURL[key] == nil { byURL[key] = page }
    }
    self.byURL = byURL
    var redirects: [String: String] = [:]
    for (from, to) in crawl.redirects {
      redirects[URLNormalizer.normalize(from) ?? from] = URLNormalizer.normalize(to) ?? to
    }
    self.redirects = redirects
  }

  /// The crawled page a normalised URL leads to, following recorded redirects.
  func page(at url: String) -> IndexedPage? {
    var current = url
    for _ in 0..<10 {
      if let page = byURL[current] { return page }
      guard let next = redirects[current] else { return nil }
      current = next
    }
    return nil
  }

  /// Whether a link target is on this site and known to be broken (answered 4xx/5xx).
  func isBroken(_ url: String, host: String) -> Bool {
    guard host == siteKey, let page = page(at: url) else { return false }
    return page.facts.status >= 400
  }
}
