import MuniscanCore

/// `url`: a regular expression on the page's own URL.
struct URLTest: PatternFamily {
  static let keys = ["url"]
  static let documentation = PredicateDocumentation(
    syntax: "`url: PATTERN`",
    meaning:
      "the page URL matches",
    evidence: "the URL")

  var pattern: String

  var description: String { "a page URL matching /\(pattern)/" }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest {
    Compiled(pattern: compiler.pattern(pattern))
  }

  /// The URL test made ready; a page answers it once for every rule that asks.
  struct Compiled: PageTest {
    var pattern: Int

    var cost: Int { 3 }

    func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
      guard page.urlMatches(pattern, in: judge.patterns) else { return nil }
      return [judge.evidence(page, "url", page.facts.url)]
    }
  }
}
