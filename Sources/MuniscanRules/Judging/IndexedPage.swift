import Foundation
import MuniscanCore

/// One page of a site being judged: its facts, its place in the site, and what rules learn
/// about it made once and shared by all of them.
final class IndexedPage {
  let facts: PageFacts
  /// Position in ``SiteContext/pages`` and in the site's item tables.
  let index: Int
  /// How the page's words are stemmed (by its language) and read for phrases, with the
  /// readings its site's pages share.
  let stems: StemCache
  var stemming: Stemming { stems.stemming }
  /// Whether the page URL matches a pattern, by pattern index.
  private var urlMatches: [Int: Bool] = [:]

  init(_ facts: PageFacts, index: Int, stems: StemCache) {
    self.facts = facts
    self.index = index
    self.stems = stems
  }

  /// Takes what was read of the page's text ahead (``PagePreread``) as if it were read now.
  func take(_ preread: PagePreread) {
    textOccurrences = preread.phrases
  }

  /// For each phrase in the visible text, where it first occurs and how often; found on first
  /// use, as most rules decide on links and headings before they look at the text.
  private(set) lazy var textOccurrences = stems.matcher.occurrences(
    inText: facts.text, stems: stems, pageText: true)

  /// The sentences of the visible text short enough to be one (see ``StatementTest``) that hold
  /// a phrase, in page order, each with the ids of the phrases it holds: read once for all of a
  /// rule set's statement rules (the shipped one has five), not once for each, and kept small
  /// (a page has a hundred sentences, and two sites' pages are judged at once).
  private(set) lazy var statementSentences: [(sentence: Substring, phrases: [Int32])] =
    StatementTest.Compiled.sentences(of: facts.text).compactMap { sentence in
      guard sentence.dropFirst(StatementTest.Compiled.longest).isEmpty else { return nil }
      let found = stems.matcher.occurrences(inText: String(sentence), stems: stems)
      return found.isEmpty ? nil : (sentence, found.keys.map(Int32.init))
    }

  /// The page's distinct link texts, longest first, taken out of a statement's sentence before
  /// its prose is read (see ``StatementTest``).
  private(set) lazy var linkTextsLongestFirst = StatementTest.Compiled.longestFirst(
    facts.links.map(\.text))

  /// Whether one of the page's links has `text` (by its bytes) as its text: a heading that is
  /// only a link (a news teaser's headline) is that link, judged where it leads, not a heading
  /// of the page. A page of a few hundred links is read link by link, cheaper than hashing
  /// them all for a few headings; a longer one through a set of its link texts.
  func hasLink(withText text: String) -> Bool {
    guard facts.links.count > Self.linksReadInTurn else {
      // Lengths first, which a native string knows: most links are told apart without a
      // comparison, and without a key made (a retain and a release) for each.
      let length = text.utf8.count
      return facts.links.contains { $0.text.utf8.count == length && UTF8Key.equal($0.text, text) }
    }
    return linkTexts.contains(UTF8Key(text))
  }

  /// Links a page may have for ``hasLink(withText:)`` to read them one by one.
  static let linksReadInTurn = 256

  private lazy var linkTexts = Set(facts.links.map { UTF8Key($0.text) })

  /// The visible text lower-cased for the literal prefilters of regular expressions.
  private lazy var lowercasedText = RequiredLiterals.lowercased(facts.text)

  /// The first match of pattern `index` in the visible text, asked of `patterns` once per
  /// page: rules share patterns (a rule file's `&anchor`), and each is run on a page once.
  func firstTextMatch(_ pattern: Int, in patterns: CompiledPatterns) -> Range<String.Index>? {
    if let known = textMatches[pattern] { return known }
    let match = patterns.firstMatch(pattern, in: facts.text, lowercased: { lowercasedText })
    textMatches[pattern] = .some(match)
    return match
  }

  /// First matches in the text, by pattern index (nil inside: no match).
  private var textMatches: [Int: Range<String.Index>?] = [:]

  /// Whether the page URL matches pattern `index`, asked of `patterns` once per page.
  func urlMatches(_ pattern: Int, in patterns: CompiledPatterns) -> Bool {
    if let known = urlMatches[pattern] { return known }
    let matches = patterns.matches(pattern, in: facts.url)
    urlMatches[pattern] = matches
    return matches
  }

  /// The last path segment of a URL with separators made spaces, so `eelarve_2026.pdf` reads
  /// as words.
  static func fileName(_ url: String) -> String {
    // An ASCII URL (as the resolver writes them) is cut on its bytes in place, and only a name
    // with a `%` is decoded: the same name, without walking characters or splitting the path.
    let ascii: String?? = url.utf8.withContiguousStorageIfAvailable { bytes in
      guard bytes.first != 0x3F, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      var end = bytes.firstIndex(of: 0x3F) ?? bytes.count
      while end > 0, bytes[end - 1] == 0x2F { end -= 1 }
      var start = end
      while start > 0, bytes[start - 1] != 0x2F { start -= 1 }
      let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      return bytes[start..<end].contains(0x25) ? (name.removingPercentEncoding ?? name) : name
    }
    if let ascii = ascii ?? nil { return ascii }
    let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    let last = path.split(separator: "/").last.map(String.init) ?? ""
    return (last.removingPercentEncoding ?? last)
  }

  /// Dates written in the page, for evidence that borrows its page's dates. `Last-Modified` is
  /// left out: dynamic CMS pages send the time of the request, which would make anything fresh.
  var days: [Day] { facts.dates }
}
