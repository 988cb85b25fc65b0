import CLibXML2
import MuniscanCore

/// Compiles and runs the rule set's queries with one reusable libxml2 XPath context.
///
/// Compiling once per analyser (not per page) and reusing one context keeps the queries cheap;
/// the context reports errors into itself instead of printing them, so invalid rule queries turn
/// into ``PageQueryError`` messages.
final class XPathCompiler {
  /// libxml2 counts XPath operations (mostly nodes visited); an evaluation that needs more than
  /// this many stops and counts as no match, so a hostile page cannot stall a worker.
  static let operationLimit: UInt = 5_000_000

  private let context: xmlXPathContextPtr

  init() {
    _ = LibXML.initialized
    context = xmlXPathNewContext(nil)
    muniscan_xpath_silence(context)
    xmlXPathContextSetCache(context, 1, -1, 0)
  }

  deinit { xmlXPathFreeContext(context) }

  /// Compiles a query and checks it by evaluating it on a tiny document, which finds unknown
  /// functions and variables that compiling alone lets through. The caller frees the result with
  /// `xmlXPathFreeCompExpr`.
  func compile(_ query: PageQuery) throws -> xmlXPathCompExprPtr {
    let expression = try query.xpathExpression()
    let compiled = expression.withCString { text in
      text.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlXPathCtxtCompile(context, $0) }
    }
    guard let compiled else {
      throw PageQueryError(message: "invalid XPath '\(expression)': \(takeError())")
    }
    guard let probe = htmlReadMemory("<p>", 3, nil, "utf-8", muniscan_html_options()) else {
      return compiled
    }
    defer { xmlFreeDoc(probe) }
    guard let result = evaluateObject(compiled, in: probe) else {
      xmlXPathFreeCompExpr(compiled)
      throw PageQueryError(message: "invalid XPath '\(expression)': \(takeError())")
    }
    xmlXPathFreeObject(result)
    return compiled
  }

  /// Runs a compiled query on a document: how many nodes matched (or the number, or 1 for true
  /// and non-empty strings) and the text of the first match.
  func evaluate(_ compiled: xmlXPathCompExprPtr, in document: xmlDocPtr, snippetLength: Int)
    -> QueryMatch
  {
    guard let result = evaluateObject(compiled, in: document) else {
      _ = takeError()
      return QueryMatch(snippet: "", count: 0)
    }
    defer { xmlXPathFreeObject(result) }
    let object = result.pointee
    switch object.type {
    case XPATH_NODESET:
      guard let set = object.nodesetval, set.pointee.nodeNr > 0, let nodes = set.pointee.nodeTab,
        let first = nodes[0]
      else { return QueryMatch(snippet: "", count: 0) }
      return QueryMatch(
        snippet: NodeText.text(of: first, maxCharacters: snippetLength),
        count: Int(set.pointee.nodeNr))
    case XPATH_BOOLEAN:
      return QueryMatch(
        snippet: object.boolval != 0 ? "true" : "false", count: object.boolval != 0 ? 1 : 0)
    case XPATH_NUMBER:
      let value = object.floatval
      guard value.isFinite else { return QueryMatch(snippet: "\(value)", count: 0) }
      let count = Int(max(min(value, 1e15), -1e15))
      let snippet = Double(count) == value ? String(count) : String(value)
      return QueryMatch(snippet: snippet, count: count)
    case XPATH_STRING:
      let text = object.stringval.map { String(cString: $0) } ?? ""
      let collapsed = TextCollapser.collapse(text, maxCharacters: snippetLength)
      return QueryMatch(snippet: collapsed, count: collapsed.isEmpty ? 0 : 1)
    default:
      return QueryMatch(snippet: "", count: 0)
    }
  }

  private func evaluateObject(_ compiled: xmlXPathCompExprPtr, in document: xmlDocPtr)
    -> xmlXPathObjectPtr?
  {
    context.pointee.opLimit = Self.operationLimit
    context.pointee.opCount = 0
    context.pointee.doc = document
    context.pointee.node = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
    defer {
      context.pointee.doc = nil
      context.pointee.node = nil
    }
    return xmlXPathCompiledEval(compiled, context)
  }

  /// The last error message of the context, cleared.
  private func takeError() -> String {
    var message = "syntax error"
    if let text = context.pointee.lastError.message {
      let trimmed = String(cString: text).trimmingWhitespace()
      if !trimmed.isEmpty { message = trimmed }
    }
    xmlResetError(&context.pointee.lastError)
    return message
  }
}
