import CLibXML2

/// A CSS selector or XPath expression that a rule set wants evaluated on every page.
///
/// Rules cannot hold libxml2 documents (they never leave MuniscanHTML, and pages are analysed once
/// while crawling), so a rule set declares its queries up front; ``PageAnalyzer`` runs them during
/// the single parse and stores a ``QueryMatch`` under ``key`` in `PageFacts.queries`.
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

  /// Checks that the query can be run: the CSS translates to XPath, and the XPath compiles and
  /// evaluates (unknown functions and variables are only found when evaluating).
  /// - Throws: ``PageQueryError`` with a one-line message.
  public func validate() throws {
    let compiler = XPathCompiler()
    _ = try compiler.compile(self)
  }

  /// The XPath 1.0 expression this query runs as.
  public func xpathExpression() throws -> String {
    switch self {
    case .css(let selector): return try CSSSelector.xpath(for: selector)
    case .xpath(let expression): return expression
    }
  }
}

/// Why a ``PageQuery`` cannot be used, in one line, for rule-file validation messages.
public struct PageQueryError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String

  public init(message: String) { self.message = message }

  public var description: String { message }
}
