import Foundation
import MuniscanCore
import MuniscanHTML

/// The page analysers of a crawl, shared by its sites. Analysing a page is synchronous, so a
/// site holds an analyser (a libxml2 parser context, compiled queries, buffers) only while it
/// reads one page: a crawl of hundreds of sites at once needs about one per processor.
final class AnalyzerPool: @unchecked Sendable {
  // Each analyser is used by one thread at a time: taken out under the lock, put back after.
  private let lock = NSLock()
  private var idle: [PageAnalyzer] = []
  private let queries: [PageQuery]
  private let locale: PageLocale
  private let maxIdle = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)

  init(queries: [PageQuery], locale: PageLocale) {
    self.queries = queries
    self.locale = locale
  }

  /// Throws ``PageQueryError`` when the rule set's queries do not compile (nothing can be
  /// analysed then).
  func check() throws {
    try giveBack(take())
  }

  /// The facts of one page; nil only when the queries do not compile (see `check()`).
  func analyze(_ input: PageInput) -> PageFacts? {
    guard let analyzer = try? take() else { return nil }
    defer { giveBack(analyzer) }
    return analyzer.analyze(input)
  }

  private func take() throws -> PageAnalyzer {
    try lock.withLock { idle.popLast() } ?? PageAnalyzer(queries: queries, locale: locale)
  }

  private func giveBack(_ analyzer: PageAnalyzer) {
    lock.withLock { if idle.count < maxIdle { idle.append(analyzer) } }
  }
}
