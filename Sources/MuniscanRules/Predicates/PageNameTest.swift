import MuniscanCore

/// `page`: the page itself is about the thing: its `<title>` or its main heading (the first h1
/// that is not a link) holds one of the phrases. A dedicated page is evidence of its kind,
/// whatever link led to it; stronger than a mention or a heading further down.
struct PageNameTest: PhraseListFamily {
  static let keys = ["page"]
  static let documentation = PredicateDocumentation(
    syntax: "`page: [phrases]`",
    meaning:
      "the page is about it: its `<title>` or its main heading (first h1) holds a phrase",
    evidence: "the title or main heading")

  var words: [Phrase]

  var description: String { "a page named \(PredicateReader.quoted(words))" }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest {
    // The answers are those of `title` and `heading` tests of the same phrases, shared with them.
    Compiled(
      titleSlot: compiler.slot(for: TitleTest(words: words)),
      headingSlot: compiler.slot(for: HeadingTest(words: words)), phrases: compiler.ids(words))
  }

  /// The page test made ready: titles and headings are judged once per site, into their slots.
  struct Compiled: PageTest {
    var titleSlot: Int
    var headingSlot: Int
    var phrases: [Int]

    func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
      let site = judge.site
      let titles = TitleTest.Compiled.selection(site, slot: titleSlot, phrases: phrases)
      if titles.pages[page.index] { return [judge.evidence(page, "page", page.facts.title)] }
      let headings = site.headings
      guard
        let main = page.facts.headings.firstIndex(where: {
          $0.level == 1 && !page.hasLink(withText: $0.text)
        })
      else { return nil }
      let selection = HeadingTest.Compiled.selection(site, slot: headingSlot, phrases: phrases)
      let id = Int(headings.idsByPage[page.index][main])
      guard selection.ranks[id] != Selection.fails else { return nil }
      return [judge.evidence(page, "page", headings.items[id])]
    }
  }
}
