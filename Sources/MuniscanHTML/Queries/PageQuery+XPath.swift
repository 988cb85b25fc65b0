import MuniscanCore

extension PageQuery {
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
