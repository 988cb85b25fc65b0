import MuniscanCore

/// `title`: the page's `<title>` holds one of the phrases.
struct TitleTest: PhraseListFamily {
  static let keys = ["title"]
  static let documentation = PredicateDocumentation(
    syntax: "`title: [phrases]`",
    meaning:
      "the page `<title>` holds a phrase",
    evidence: "the title")

  var words: [Phrase]

  var description: String { "a page title with \(PredicateReader.quoted(words))" }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest {
    Compiled(slot: compiler.slot(for: self), phrases: compiler.ids(words))
  }

  /// The title test made ready: every page's title is judged once, into its slot.
  struct Compiled: PageTest {
    var slot: Int
    var phrases: [Int]

    func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
      let site = judge.site
      let selection = site.selection(in: slot) {
        Selection(
          pageRanks: Selection.ranks(
            count: site.pages.count, phrases: phrases, matching: site.titles.items(matching:)))
      }
      guard selection.pages[page.index] else { return nil }
      return [judge.evidence(page, "title", page.facts.title)]
    }
  }
}
