import MuniscanCore

/// `news`: the page is a news story or a news list (``NewsItems``), for a rule that accepts
/// some evidence on news (an invitation to comment) but not all of it (a survey someone else
/// runs, a mention): `not: { news: true }` keeps a part to standing pages. A rule that takes no
/// evidence at all from news says `standing: true` instead.
struct NewsItemTest: PredicateFamily {
  static let keys = ["news"]
  static let documentation = PredicateDocumentation(
    syntax: "`news: true`",
    meaning:
      "the page is a news item: its address has a `news_words` word of the page languages or a dated permalink (`/2026/03/12/`), or it links back to such a list (`back_words`), or another page's short link naming news (\"Valla uudised\") leads to it — never the start page",
    evidence: "the page")

  static func read(key: String, _ value: YAMLValue) throws -> NewsItemTest {
    try PredicateReader.flag(value, key)
    return NewsItemTest()
  }

  var description: String { "a news item" }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest { self }
}

extension NewsItemTest: PageTest {
  func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
    judge.site.newsItems[page.index] ? [judge.evidence(page, "page", page.facts.title)] : nil
  }
}
