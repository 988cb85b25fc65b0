import MuniscanCore

/// `text`: one of the phrases in the page's prose, its visible text outside links. A link is
/// structure, which `link` judges (a menu item to a missing page, a headline leading to a news
/// story); `text` is what the page says in words. Weak evidence, best inside `all` or `partial`.
/// A sentence that says the thing is not there ("huvide deklaratsioone ei avaldata", a negation
/// word of the page languages in the sentence of the phrase), or asks whether it is, is no
/// mention of it.
struct TextTest: PhraseListFamily {
  static let keys = ["text"]
  static let documentation = PredicateDocumentation(
    syntax: "`text: [phrases]`",
    meaning:
      "the page's prose — its visible text outside links — holds a phrase (weak: prefer structure; the words of a link are judged by `link`, so a menu item to a missing page or a headline leading to a news story is not a mention; nor is a question, or a sentence that negates it by the `negation_words` of the page languages)",
    evidence: "words around the match")

  var words: [Phrase]

  var description: String { "page text with \(PredicateReader.quoted(words))" }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest {
    Compiled(phrases: compiler.ids(words))
  }

  /// The text test made ready.
  struct Compiled: PageTest {
    var phrases: [Int]

    var cost: Int { 1 }

    /// The first phrase the page's prose holds, shown in its sentence.
    func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
      for phrase in phrases {
        guard let occurrence = page.textOccurrences[phrase],
          occurrence.count > links(holding: phrase, on: page, judge.site),
          !negated(at: occurrence.first, on: page, judge.site.plan.negations)
        else { continue }
        let snippet = Snippet.around(utf8Offset: occurrence.first, in: page.facts.text)
        return [judge.evidence(page, "text", snippet)]
      }
      return nil
    }

    /// Whether the sentence around a UTF-8 offset of the page's prose is a question or holds a
    /// negation word (a folded word of it, by its bytes).
    private func negated(at offset: Int, on page: IndexedPage, _ negations: ByteStrings) -> Bool {
      let sentence = Snippet.sentence(utf8Offset: offset, in: page.facts.text)
      if sentence.isQuestion { return true }
      guard negations.count > 0 else { return false }
      var buffer: [UInt8] = []
      var negated = false
      TextNormalizer.forEachFoldedWord(in: String(sentence.text), buffer: &buffer) { word, _ in
        negated = negated || negations.number(of: word) != nil
      }
      return negated
    }

    /// How many of the page's links have `phrase` in their text.
    private func links(holding phrase: Int, on page: IndexedPage, _ site: SiteContext) -> Int {
      let holding = site.linksHolding(phrase: phrase)
      return site.links.idsByPage[page.index].reduce(0) { $0 + (holding[Int($1)] ? 1 : 0) }
    }
  }
}
