import MuniscanCore

extension PhraseMatcher {
  /// Word starts remembered while scanning text: a phrase never spans more words than this.
  static let wordMemory = 64

  /// Folds and stems a page's visible text and scans it for every phrase in one pass, without
  /// keeping the folded text: for each phrase found, the UTF-8 offset in `text` of the first
  /// word of its first occurrence (where its evidence snippet is cut from) and how often it
  /// occurs. Folds exactly as ``FoldedBlob`` does: a leading space, words separated by single
  /// spaces, a closing space.
  func occurrences(inText text: String, stemming: Stemming) -> [Int: TextOccurrence] {
    var scanner = FoldingScanner(
      automaton: stemmedAutomaton, patterns: stemmed, stemming: bit(of: stemming))
    scanner.feed(0x20)
    if let exactAutomaton {
      var exactScanner = FoldingScanner(automaton: exactAutomaton, patterns: exact, stemming: ~0)
      exactScanner.feed(0x20)
      stemming.forEachStemmedByte(
        in: text,
        raw: { byte, wordStart in
          if let wordStart { exactScanner.wordStarts(original: wordStart) }
          exactScanner.feed(byte)
        }
      ) { byte, wordStart in
        if let wordStart { scanner.wordStarts(original: wordStart) }
        scanner.feed(byte)
      }
      scanner.feed(0x20)
      exactScanner.feed(0x20)
      return scanner.found.merging(exactScanner.found) { stemmed, _ in stemmed }
    }
    stemming.forEachStemmedByte(in: text) { byte, wordStart in
      if let wordStart { scanner.wordStarts(original: wordStart) }
      scanner.feed(byte)
    }
    scanner.feed(0x20)
    return scanner.found
  }
}

/// Where a phrase first occurs in a page's text (UTF-8 offset of its first word) and how often.
struct TextOccurrence: Equatable {
  var first: Int
  var count: Int
}

/// The state of one folding scan: the automaton's state, the bytes fed so far, recent word
/// starts, and the first occurrence of each phrase.
private struct FoldingScanner {
  let automaton: ByteAutomaton
  let patterns: [PhraseMatcher.Pattern]
  /// The bit of the text's stemming.
  let stemming: UInt32
  private var state = 0
  private var position = 0
  /// Ring of (folded offset, original offset) of the latest word starts.
  private var words = [(folded: Int, original: Int)](
    repeating: (-1, 0), count: PhraseMatcher.wordMemory)
  private var wordCount = 0
  private(set) var found: [Int: TextOccurrence] = [:]

  init(automaton: ByteAutomaton, patterns: [PhraseMatcher.Pattern], stemming: UInt32) {
    self.automaton = automaton
    self.patterns = patterns
    self.stemming = stemming
  }

  mutating func wordStarts(original: Int) {
    words[wordCount % PhraseMatcher.wordMemory] = (position, original)
    wordCount += 1
  }

  @inline(__always)
  mutating func feed(_ byte: UInt8) {
    state = automaton.next(state, byte)
    position += 1
    guard automaton.hasOutput(state) else { return }
    for index in automaton.outputs(of: state) {
      let pattern = patterns[Int(index)]
      let start = PhraseMatcher.firstWord(of: pattern, end: position - 1)
      guard let word = word(containing: start),
        PhraseMatcher.accepts(pattern, head: start - word.folded, stemming: stemming)
      else { continue }
      if found[pattern.phrase] != nil {
        found[pattern.phrase]!.count += 1
      } else {
        found[pattern.phrase] = TextOccurrence(first: word.original, count: 1)
      }
    }
  }

  /// The remembered word that holds folded offset `folded`.
  private func word(containing folded: Int) -> (folded: Int, original: Int)? {
    var index = wordCount - 1
    while index >= 0, index >= wordCount - PhraseMatcher.wordMemory {
      let word = words[index % PhraseMatcher.wordMemory]
      if word.folded <= folded { return word }
      index -= 1
    }
    return nil
  }
}
