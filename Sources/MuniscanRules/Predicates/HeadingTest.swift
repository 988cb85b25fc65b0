import MuniscanCore

/// `heading`: a heading (h1–h6) holding one of the phrases; the page shows the heading whose
/// phrase comes first in the list. A heading that is nothing but a link (a teaser's headline on
/// a home page) is that link, which `link` tests judge by where it leads.
struct HeadingTest: PhraseListFamily {
  static let keys = ["heading"]
  static let documentation = PredicateDocumentation(
    syntax: "`heading: [phrases]`",
    meaning:
      "an h1–h6 holds a phrase",
    evidence: "the heading")

  var words: [Phrase]

  var description: String { "a heading with \(PredicateReader.quoted(words))" }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest {
    Compiled(slot: compiler.slot(for: self), phrases: compiler.ids(words))
  }

  /// The heading test made ready: the site's distinct headings are judged once, into its slot.
  struct Compiled: PageTest {
    var slot: Int
    var phrases: [Int]

    func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
      let selection = Self.selection(judge.site, slot: slot, phrases: phrases)
      let own = judge.site.ownHeadings(of: page)
      guard let id = judge.best(selection, among: own, page: page) else { return nil }
      return [judge.evidence(page, "heading", judge.site.headings.items[id])]
    }

    /// The site's distinct headings holding one of `phrases`, judged once into `slot`.
    static func selection(_ site: SiteContext, slot: Int, phrases: [Int]) -> Selection {
      site.selection(in: slot) {
        let headings = site.headings
        let ranks = Selection.ranks(
          count: headings.items.count, phrases: phrases, matching: headings.phrases.items(matching:)
        )
        return Selection(ranks: ranks, in: headings, pageCount: site.pages.count)
      }
    }
  }
}
