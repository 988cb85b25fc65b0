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
      guard Self.selection(judge.site, slot: slot, phrases: phrases).pages[page.index] else {
        return nil
      }
      return [judge.evidence(page, "title", page.facts.title)]
    }

    /// The site's pages whose title holds one of `phrases`, judged once into `slot`.
    static func selection(_ site: SiteContext, slot: Int, phrases: [Int]) -> Selection {
      site.selection(in: slot) {
        Selection(
          pageRanks: Selection.ranks(
            count: site.pages.count, phrases: phrases, matching: site.titles.items(matching:)))
      }
    }
  }
}
