/// Every phrase of a rule set compiled into one Aho–Corasick automaton over stemmed text (and,
/// when the rule set has exact phrases, one over folded text), so each field of a page is
/// scanned once for all phrases instead of once per phrase. A phrase is stemmed by each
/// language's stemming the rule set declares; a page is stemmed by its own language's, so a
/// phrase finds the page's inflected forms in any declared language. Immutable once built.
final class PhraseMatcher: Sendable {
  /// One byte pattern a phrase is found by.
  struct Pattern: Sendable {
    var phrase: Int
    var length: Int
    /// Whether the first word may be the last member of a compound (no space before it).
    var compound: Bool
    /// The stemmings (bit i: `stemmings[i]`) of the text this pattern may be found in: a phrase
    /// stemmed as English is not looked for in Estonian text.
    var stemmings: UInt32
  }

  private let ids: [Phrase: Int]
  /// The stemmings phrases were stemmed with; a text says its own by index.
  let stemmings: [Stemming]
  /// Patterns over stemmed text and their automaton.
  let stemmed: [Pattern]
  let stemmedAutomaton: ByteAutomaton
  /// Patterns of exact and `*` phrases over folded, unstemmed text; nil when there are none.
  let exact: [Pattern]
  let exactAutomaton: ByteAutomaton?

  /// Letters a compound must have before the member a `*word` phrase names: "tegevus" before
  /// "toetus", but not "re" before "kord".
  static let compoundHead = 3

  init(phrases: Set<Phrase>, stemmings: [Stemming] = [.none]) {
    precondition(stemmings.count <= 32)
    var ids: [Phrase: Int] = [:]
    var stemmed: [(bytes: [UInt8], pattern: Pattern)] = []
    var exact: [(bytes: [UInt8], pattern: Pattern)] = []
    for phrase in phrases.sorted(by: {
      ($0.normalized, $0.isPrefix ? 1 : 0, $0.isExact ? 1 : 0, $0.isCompound ? 1 : 0)
        < ($1.normalized, $1.isPrefix ? 1 : 0, $1.isExact ? 1 : 0, $1.isCompound ? 1 : 0)
    }) {
      let id = ids.count
      ids[phrase] = id
      // `*` phrases keep the words as written: their author chose where the ending starts.
      if phrase.isExact || phrase.isPrefix {
        let bytes = Self.pattern(
          phrase.normalized, prefix: phrase.isPrefix, compound: phrase.isCompound)
        exact.append(
          (
            bytes,
            Pattern(
              phrase: id, length: bytes.count, compound: phrase.isCompound, stemmings: ~0)
          ))
        continue
      }
      var seen: [[UInt8]: Int] = [:]
      for (index, stemming) in stemmings.enumerated() {
        let words = stemming.stemWords(phrase.normalized)
        let compound = phrase.isCompound
        let bytes = Self.pattern(words, prefix: false, compound: compound)
        if let known = seen[bytes] {
          stemmed[known].pattern.stemmings |= 1 << index
        } else {
          seen[bytes] = stemmed.count
          stemmed.append(
            (
              bytes,
              Pattern(
                phrase: id, length: bytes.count, compound: compound, stemmings: 1 << index)
            ))
        }
      }
    }
    self.ids = ids
    self.stemmings = stemmings
    self.stemmed = stemmed.map(\.pattern)
    stemmedAutomaton = ByteAutomaton(patterns: stemmed.map(\.bytes))
    self.exact = exact.map(\.pattern)
    exactAutomaton = exact.isEmpty ? nil : ByteAutomaton(patterns: exact.map(\.bytes))
  }

  /// The bytes a phrase is found by in a blob: a space (unless its first word may end a
  /// compound), its words, and a closing space unless it matches any ending.
  static func pattern(_ words: String, prefix: Bool, compound: Bool) -> [UInt8] {
    var bytes: [UInt8] = compound ? [] : [0x20]
    bytes.append(contentsOf: words.utf8)
    if !prefix { bytes.append(0x20) }
    return bytes
  }

  func id(of phrase: Phrase) -> Int? { ids[phrase] }

  /// How many phrases the matcher finds; their ids are `0..<phraseCount`.
  var phraseCount: Int { ids.count }

  /// The bit of `stemming` among the matcher's stemmings; text stemmed otherwise (which a rule
  /// set's own plan never does) matches exact and `*` phrases only.
  func bit(of stemming: Stemming) -> UInt32 {
    stemmings.firstIndex(of: stemming).map { 1 << $0 } ?? 0
  }

  /// Where the first word of `pattern` begins when its match ends at `end`.
  @inline(__always)
  static func firstWord(of pattern: Pattern, end: Int) -> Int {
    end - pattern.length + (pattern.compound ? 1 : 2)
  }

  /// Whether a match of `pattern` whose first word begins `head` bytes into a word of text
  /// stemmed as `stemming` (its bit) stands: in text of its stemming, at a word start or as the
  /// last member of a compound.
  @inline(__always)
  static func accepts(_ pattern: Pattern, head: Int, stemming: UInt32) -> Bool {
    pattern.stemmings & stemming != 0 && (head == 0 || (pattern.compound && head >= compoundHead))
  }

  /// Calls `body` with the phrase id and the offset of the first word of every phrase
  /// occurrence in `stemmed` (a blob: words after single spaces, stemmed as the bit
  /// `stemming(offset)` says), and then of every exact phrase occurrence in `raw` (the same
  /// folded but unstemmed; marked `inRaw`).
  func forEachOccurrence(
    stemmed bytes: [UInt8], raw: [UInt8], stemming: (_ offset: Int) -> UInt32,
    _ body: (_ phrase: Int, _ start: Int, _ inRaw: Bool) -> Void
  ) {
    Self.forEachAccepted(stemmedAutomaton, stemmed, in: bytes, stemming: stemming) {
      body($0, $1, false)
    }
    if let exactAutomaton {
      Self.forEachAccepted(exactAutomaton, exact, in: raw, stemming: { _ in ~0 }) {
        body($0, $1, true)
      }
    }
  }

  /// The phrase and first-word offset of each match of `automaton` in `bytes` that
  /// ``accepts(_:head:stemming:)``.
  private static func forEachAccepted(
    _ automaton: ByteAutomaton, _ patterns: [Pattern], in bytes: [UInt8],
    stemming: (Int) -> UInt32, _ body: (_ phrase: Int, _ start: Int) -> Void
  ) {
    automaton.forEachMatch(in: bytes) { index, end in
      let pattern = patterns[index]
      let start = firstWord(of: pattern, end: end)
      var wordStart = start
      while wordStart > 0, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
      if accepts(pattern, head: start - wordStart, stemming: stemming(start)) {
        body(pattern.phrase, start)
      }
    }
  }
}
