import Foundation
import MuniscanCore
import MuniscanHTML

/// The page analysers of a crawl, shared by its sites. Analysing a page is synchronous, so a
/// site holds an analyser (a libxml2 parser context, compiled queries, buffers) only while it
/// reads one page: a crawl of hundreds of sites at once needs about one per processor.
/// A page's facts are read ahead for judging there too, when the crawl judges (see
/// ``SiteCrawler/Preread``).
final class AnalyzerPool: Sendable {
  private let analyzers: ReusePool<PageAnalyzer, any Error>
  private let preread: SiteCrawler.Preread?

  init(queries: [PageQuery], locale: PageLocale, preread: SiteCrawler.Preread? = nil) {
    analyzers = ReusePool { try PageAnalyzer(queries: queries, locale: locale) }
    self.preread = preread
  }

  /// Throws ``PageQueryError`` when the rule set's queries do not compile (nothing can be
  /// analysed then).
  func check() throws {
    try analyzers.use { _ in }
  }

  /// The facts of one page, and what judging reads in them ahead (empty when nothing is read
  /// ahead); nil only when the queries do not compile (see `check()`).
  func analyze(_ input: PageInput) -> (facts: PageFacts, preread: [UInt8])? {
    guard let facts = try? analyzers.use({ $0.analyze(input) }) else { return nil }
    return (facts, preread?(facts) ?? [])
  }
}
