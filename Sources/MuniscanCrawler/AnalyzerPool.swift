import Foundation
import MuniscanCore
import MuniscanHTML

/// The page analysers of a crawl, shared by its sites. Analysing a page is synchronous, so a
/// site holds an analyser (a libxml2 parser context, compiled queries, buffers) only while it
/// reads one page: a crawl of hundreds of sites at once needs about one per processor.
final class AnalyzerPool: Sendable {
  private let analyzers: ReusePool<PageAnalyzer, any Error>

  init(queries: [PageQuery], locale: PageLocale) {
    analyzers = ReusePool { try PageAnalyzer(queries: queries, locale: locale) }
  }

  /// Throws ``PageQueryError`` when the rule set's queries do not compile (nothing can be
  /// analysed then).
  func check() throws {
    try analyzers.use { _ in }
  }

  /// The facts of one page; nil only when the queries do not compile (see `check()`).
  func analyze(_ input: PageInput) -> PageFacts? {
    try? analyzers.use { $0.analyze(input) }
  }
}
