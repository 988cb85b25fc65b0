import MuniscanCore

/// `regex`: a regular expression on the page's visible text (case-insensitive), run only where
/// the literals its matches must contain occur.
struct RegexTest: PatternFamily {
  static let keys = ["regex"]
  static let documentation = PredicateDocumentation(
    syntax: "`regex: PATTERN`",
    meaning:
      "the visible text matches (case-insensitive)",
    evidence: "the match")

  var pattern: String

  var description: String { "page text matching /\(pattern)/" }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest {
    Compiled(pattern: compiler.pattern(pattern))
  }

  /// The regex test made ready.
  struct Compiled: PageTest {
    var pattern: Int

    var cost: Int { 3 }

    func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
      guard let range = page.firstTextMatch(pattern, in: judge.patterns) else { return nil }
      return [judge.evidence(page, "text", Snippet.around(range, in: page.facts.text))]
    }
  }
}
