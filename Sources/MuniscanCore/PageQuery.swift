/// A CSS selector or XPath expression that a rule set wants evaluated on every page: rule data,
/// kept apart from the parser that runs it. Pages are analysed once, while crawling, so a rule
/// set declares its queries up front; the page analysis (MuniscanHTML) compiles, checks and runs
/// them during the single parse and stores a ``QueryMatch`` under ``key`` in
/// `PageFacts.queries`.
public enum PageQuery: Sendable, Hashable {
  case css(String)
  case xpath(String)

  /// The key of this query's result in `PageFacts.queries`: `css:<selector>` or
  /// `xpath:<expression>`.
  public var key: String {
    switch self {
    case .css(let selector): return "css:\(selector)"
    case .xpath(let expression): return "xpath:\(expression)"
    }
  }
}
