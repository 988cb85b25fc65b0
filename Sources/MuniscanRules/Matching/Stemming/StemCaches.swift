/// The stem caches one site is judged with, a cache per stemming, handed from site to site by
/// the rule set's plan (``EvaluationPlan/stemCaches``): a nation's sites are written in the
/// same languages, so the words a site shares with those judged before it (most of its
/// vocabulary) are looked up rather than stemmed and read against the phrase tables again: on
/// sites of ten pages, reading each site's words afresh was a fifteenth of judging. A cache that
/// has grown past ``keptWords`` is dropped when handed on, so what is kept between sites stays
/// small however many sites are judged; what a site reads never depends on what was kept.
final class StemCaches {
  let matcher: PhraseMatcher
  private var byStemming: [Stemming: StemCache] = [:]
  /// Words a cache may hold and still be handed to the next site.
  static let keptWords = 1 << 13

  init(matcher: PhraseMatcher) { self.matcher = matcher }

  /// The cache for pages stemmed as `stemming`.
  func cache(for stemming: Stemming) -> StemCache {
    if let known = byStemming[stemming] { return known }
    let cache = StemCache(stemming, matcher: matcher)
    byStemming[stemming] = cache
    return cache
  }

  /// Readies the caches for the next site: each forgets the last page text it read (another
  /// site's), and a cache holding more than ``keptWords`` words is dropped.
  func handOver() {
    byStemming = byStemming.filter { $0.value.count <= Self.keptWords }
    for cache in byStemming.values { cache.lastPageText = nil }
  }
}
