/// Every phrase of a rule set made ready to be found in a text's words in one pass: each
/// distinct word of a site is read once (its stem and the phrases that may start at it, see
/// ``StemCache``), and a text is then matched word by word on those readings, so a page costs
/// a lookup per word rather than a walk through a large automaton per byte. A phrase is stemmed
/// by each language's stemming the rule set declares; a text is stemmed by its own language's,
/// so a phrase finds the page's inflected forms in any declared language. Immutable once built.
final class PhraseMatcher: Sendable {
  /// One form a phrase is found by: its words stemmed by some of the rule set's stemmings, or
  /// its words as written (exact and `*` phrases).
  struct Pattern: Sendable {
    var phrase: Int
    /// Whether the words are as written (matched on folded words) rather than stemmed.
    var exact: Bool
    /// Words in the pattern.
    var wordCount: Int
    /// The numbers of the words after the first (among ``stems`` or ``words``) in
    /// ``followers``, except a prefix pattern's last word, which ``prefixTail`` holds.
    var followers: Range<Int>
    /// For a pattern of two words or more whose last word may have any ending, the bytes that
    /// word begins with in ``tails``.
    var prefixTail: Range<Int>?
    /// The stemmings (bit i: `stemmings[i]`) of the text this pattern may be found in: a phrase
    /// stemmed as English is not looked for in Estonian text.
    var stemmings: UInt32
  }

  private let ids: [Phrase: Int]
  /// The stemmings phrases were stemmed with; a text says its own by index.
  let stemmings: [Stemming]
  let patterns: [Pattern]
  /// First words of stemmed patterns, found in a text word's stem: whole, or (compounds) as its
  /// end.
  private let stemmedFirsts: [FirstWords]
  /// First words of exact patterns, found in a folded text word as written.
  private let exactFirsts: [FirstWords]
  /// Words after the first, stemmed (of stemmed patterns) and as written (of exact ones).
  private let stems: ByteStrings
  private let words: ByteStrings
  private let followers: [Int32]
  private let tails: [UInt8]

  /// Letters a compound must have before the member a `*word` phrase names: "tegevus" before
  /// "toetus", but not "re" before "kord".
  static let compoundHead = 3

  init(phrases: Set<Phrase>, stemmings: [Stemming] = [.none]) {
    precondition(stemmings.count <= 32)
    var ids: [Phrase: Int] = [:]
    var builder = Builder()
    for phrase in phrases.sorted(by: {
      ($0.normalized, $0.isPrefix ? 1 : 0, $0.isExact ? 1 : 0, $0.isCompound ? 1 : 0)
        < ($1.normalized, $1.isPrefix ? 1 : 0, $1.isExact ? 1 : 0, $1.isCompound ? 1 : 0)
    }) {
      let id = ids.count
      ids[phrase] = id
      // `=` and `*` phrases keep the words as written: their author chose where the ending
      // starts.
      if phrase.isExact || phrase.isPrefix {
        builder.add(
          phrase: id, words: phrase.normalized, exact: true, compound: phrase.isCompound,
          prefix: phrase.isPrefix, stemmings: ~0)
        continue
      }
      var seen: [String: Int] = [:]
      for (index, stemming) in stemmings.enumerated() {
        let words = stemming.stemWords(phrase.normalized)
        if let known = seen[words] {
          builder.patterns[known].stemmings |= 1 << index
        } else {
          seen[words] = builder.patterns.count
          builder.add(
            phrase: id, words: words, exact: false, compound: phrase.isCompound, prefix: false,
            stemmings: 1 << index)
        }
      }
    }
    self.ids = ids
    self.stemmings = stemmings
    patterns = builder.patterns
    stemmedFirsts = builder.stemmedFirsts
    exactFirsts = builder.exactFirsts
    stems = builder.stems
    words = builder.words
    followers = builder.followers
    tails = builder.tails
  }

  func id(of phrase: Phrase) -> Int? { ids[phrase] }

  /// How many phrases the matcher finds; their ids are `0..<phraseCount`.
  var phraseCount: Int { ids.count }

  /// The bit of `stemming` among the matcher's stemmings; text stemmed otherwise (which a rule
  /// set's own plan never does) matches exact and `*` phrases only.
  func bit(of stemming: Stemming) -> UInt32 {
    stemmings.firstIndex(of: stemming).map { 1 << $0 } ?? 0
  }

  /// What a folded word of text stemmed as `stemming` (its bit) is to the phrases: the numbers
  /// of its stem and of itself as a later word of some pattern (-1 when it is none), and
  /// appended to `starts`, each pattern that may start at it, once for each place it starts.
  func read(
    word: UnsafeBufferPointer<UInt8>, stem: UnsafeBufferPointer<UInt8>, stemming: UInt32,
    starts: inout [Int32]
  ) -> (stem: Int32, word: Int32) {
    for firsts in stemmedFirsts {
      firsts.forEachPattern(in: stem) { pattern in
        if patterns[Int(pattern)].stemmings & stemming != 0 { starts.append(pattern) }
      }
    }
    for firsts in exactFirsts {
      firsts.forEachPattern(in: word) { starts.append($0) }
    }
    return (Int32(stems.number(of: stem) ?? -1), Int32(words.number(of: word) ?? -1))
  }

  /// Whether word `index` (counting from 0) of `pattern` is the text word `word`, read as
  /// `reading`.
  @inline(__always)
  func word(
    _ index: Int, of pattern: Pattern, is word: UnsafeBufferPointer<UInt8>, reading: WordReading
  ) -> Bool {
    if let tail = pattern.prefixTail, index == pattern.wordCount - 1 {
      return word.count >= tail.count && word.prefix(tail.count).elementsEqual(tails[tail])
    }
    let number = followers[pattern.followers.lowerBound + index - 1]
    return number == (pattern.exact ? reading.word : reading.stem)
  }
}

/// What a folded word of text is to a matcher: the numbers of its stem and of itself among the
/// later words of patterns (-1 for none), and the patterns that may start at it, as a range of
/// its ``StemCache``'s starts.
struct WordReading {
  var stem: Int32
  var word: Int32
  var starts: Range<Int>
  /// Whether `starts` are in the cache's scratch starts (a word it does not keep).
  var transient: Bool
}

/// The first words of some patterns, found in a word of text where their `anchor` lets them
/// stand. A class: the matcher reads its tables for every word a site's cache has not kept, and
/// a struct of six arrays was copied at each read, a retain and a release per array. Filled
/// while the matcher is built and only read after, so it is shared between threads unchecked.
private final class FirstWords: @unchecked Sendable {
  enum Anchor {
    /// The whole word.
    case whole
    /// Its beginning: a one-word `word*` phrase.
    case start
    /// Its end, after nothing or a compound's head: `*word`.
    case end
    /// Anywhere a compound member may begin: a one-word `*word*` phrase.
    case within
  }

  let anchor: Anchor
  // Unchecked: written only while the matcher is built, by one thread.
  @exclusivity(unchecked) private var firsts = ByteStrings()
  /// Patterns by first word's number.
  @exclusivity(unchecked) private var patterns: [[Int32]] = []
  /// The first words' distinct lengths.
  @exclusivity(unchecked) private var lengths: [Int] = []

  init(_ anchor: Anchor) { self.anchor = anchor }

  func add(_ word: [UInt8], pattern: Int) {
    let number = firsts.add(word)
    if number == patterns.count { patterns.append([]) }
    patterns[number].append(Int32(pattern))
    if !lengths.contains(word.count) { lengths.append(word.count) }
  }

  /// Calls `body` with each pattern whose first word stands in `word`, once for each place.
  @inline(__always)
  func forEachPattern(in word: UnsafeBufferPointer<UInt8>, _ body: (Int32) -> Void) {
    let head = PhraseMatcher.compoundHead
    switch anchor {
    case .whole:
      find(word, body)
    case .start:
      for length in lengths where length <= word.count {
        find(UnsafeBufferPointer(rebasing: word[0..<length]), body)
      }
    case .end:
      for length in lengths where length <= word.count {
        let start = word.count - length
        guard start == 0 || start >= head else { continue }
        find(UnsafeBufferPointer(rebasing: word[start...]), body)
      }
    case .within:
      for length in lengths where length <= word.count {
        for start in 0...(word.count - length) where start == 0 || start >= head {
          find(UnsafeBufferPointer(rebasing: word[start..<start + length]), body)
        }
      }
    }
  }

  @inline(__always)
  private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int32) -> Void) {
    guard let number = firsts.number(of: bytes) else { return }
    for pattern in patterns[number] { body(pattern) }
  }
}

extension PhraseMatcher {
  /// Gathers the patterns and the tables they are found by.
  fileprivate struct Builder {
    var patterns: [Pattern] = []
    var stemmedFirsts = [FirstWords(.whole), FirstWords(.end)]
    var exactFirsts = [
      FirstWords(.whole), FirstWords(.start), FirstWords(.end), FirstWords(.within),
    ]
    var stems = ByteStrings()
    var words = ByteStrings()
    var followers: [Int32] = []
    var tails: [UInt8] = []

    /// Adds the pattern of `words` (folded, single spaces) for phrase `phrase`.
    mutating func add(
      phrase: Int, words text: String, exact: Bool, compound: Bool, prefix: Bool,
      stemmings: UInt32
    ) {
      let parts = text.utf8.split(separator: 0x20, omittingEmptySubsequences: false).map(Array.init)
      let index = patterns.count
      let start = followers.count
      var tail: Range<Int>?
      for (position, part) in parts.enumerated().dropFirst() {
        if prefix, position == parts.count - 1 {
          tail = tails.count..<tails.count + part.count
          tails += part
        } else {
          followers.append(Int32(exact ? words.add(part) : stems.add(part)))
        }
      }
      patterns.append(
        Pattern(
          phrase: phrase, exact: exact, wordCount: parts.count,
          followers: start..<followers.count, prefixTail: tail, stemmings: stemmings))
      // Where the first word may stand: a one-word prefix pattern's word may go on.
      let open = prefix && parts.count == 1
      if exact {
        // In the order of `exactFirsts`: whole, start, end, within.
        exactFirsts[(compound ? 2 : 0) + (open ? 1 : 0)].add(parts[0], pattern: index)
      } else {
        stemmedFirsts[compound ? 1 : 0].add(parts[0], pattern: index)
      }
    }
  }
}
