import MuniscanCore

/// What a site crawl has gathered so far.
struct CrawlState {
  let site: Site
  var outcome: CrawlOutcome = .unreachable(reason: "not crawled")
  var finalURL: String?
  var https = HTTPSFacts()
  /// The pages gathered and the redirects met, kept (on disk, unless the crawler says
  /// otherwise) until the result is read.
  let spool: SiteSpool
  var problems: [String] = []
  /// Requests made: pages, redirect hops, robots.txt, sitemaps, document HEADs.
  var requests = 0
  /// URLs taken from the frontier, which `maxPages` bounds; a URL whose redirect leads nowhere
  /// new (a page already crawled, off the site) gives its place back (see `refundedPages`).
  var pagesRequested = 0
  /// Places given back by redirects that led nowhere new: at most `maxPages`, so a site of
  /// nothing but such redirects still ends.
  var refundedPages = 0
  var bytes = 0
  var robotsExcluded = 0
  /// Fetches that failed without an answer (DNS, connect, timeout).
  var failures = 0
  /// Pages that answered 4xx or 5xx.
  var errorPages = 0
  /// Failed pages and error answers: the crawl's errors.
  var errors: Int { failures + errorPages }
  /// Pages in a row that failed (no answer, or 5xx/429 after retries).
  var consecutiveFailures = 0
  var gaveUp = false
  /// URLs not fetched, by reason (a trap defence, robots.txt): how many and the first one. A
  /// count per reason rather than a line per URL, so a site that robots.txt closes in part
  /// holds a few lines however many of its links point there.
  var skipped: [String: (count: Int, example: String)] = [:]
  /// Documents on the site to send a HEAD request for: the URL as linked, and normalised.
  var documentQueue: [(link: String, normalized: String)] = []
  var documentsNoted = Set<String>()
  /// What HEAD requests told about linked documents, by URL.
  var documentHeads: [String: DocumentHead] = [:]

  init(site: Site, spool: SiteSpool) {
    self.site = site
    self.spool = spool
  }

  /// Notes a page that failed; past the limit the site is given up.
  mutating func noteFailure(limit: Int) {
    consecutiveFailures += 1
    if consecutiveFailures >= limit, !gaveUp {
      gaveUp = true
      problems.append("gave up after \(consecutiveFailures) consecutive failures")
    }
  }

  mutating func noteSkipped(_ url: String, reason: String) {
    let previous = skipped[reason]
    skipped[reason] = ((previous?.count ?? 0) + 1, previous?.example ?? url)
  }

  /// What the crawl gathered, its pages and redirects read back from the spool.
  func result() -> SiteCrawl {
    var problems = problems
    for (reason, urls) in skipped.sorted(by: { $0.key < $1.key }) {
      problems.append(
        "skipped \(urls.count) URL\(urls.count == 1 ? "" : "s"): \(reason) (e.g. \(urls.example))")
    }
    let contents = spool.contents()
    var pages = contents.pages
    if !documentHeads.isEmpty {
      for index in pages.indices {
        for document in pages[index].documents.indices {
          guard let head = documentHeads[pages[index].documents[document].url] else { continue }
          head.apply(to: &pages[index].documents[document])
        }
      }
    }
    return SiteCrawl(
      site: site, outcome: outcome, finalURL: finalURL, https: https, pages: pages,
      redirects: contents.redirects, problems: problems, gaveUp: gaveUp,
      stats: CrawlStats(
        requests: requests, errors: errors,
        robotsExcluded: robotsExcluded, bytes: bytes),
      prereads: contents.prereads)
  }
}
