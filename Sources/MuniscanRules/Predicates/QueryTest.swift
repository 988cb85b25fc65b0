import MuniscanCore

/// `selector` and `xpath`: an element of the page matching a CSS selector or an XPath
/// expression. The query is rule data; the page analysis compiles and runs it while parsing, and
/// reports one it cannot run at the place in the rule file that asks for it.
struct QueryTest: PredicateFamily {
  static let keys = ["selector", "xpath"]
  static let documentation = PredicateDocumentation(
    syntax: "`selector: CSS` / `xpath: EXPR`",
    meaning:
      "a node matches (a rule set with selectors makes every page's parse also build a tree: prefer the predicates above where they say the same)",
    evidence: "its text")

  var query: PageQuery
  var location: SourceLocation

  static func read(key: String, _ value: YAMLValue) throws -> QueryTest {
    let text = try value.string(what: "'\(key)'")
    return QueryTest(query: key == "xpath" ? .xpath(text) : .css(text), location: value.location)
  }

  var description: String { "an element matching \(query.key)" }
  var queries: [LocatedQuery] { [LocatedQuery(query: query, location: location)] }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest { Compiled(key: query.key) }

  /// The query test made ready: it reads the query's result from the page facts.
  struct Compiled: PageTest {
    var key: String

    var cost: Int { 1 }

    func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
      guard let match = page.facts.queries[key], match.count > 0 else { return nil }
      return [judge.evidence(page, "selector", match.snippet)]
    }
  }
}
