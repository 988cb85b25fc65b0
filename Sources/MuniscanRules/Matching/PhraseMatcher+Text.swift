import MuniscanCore

extension PhraseMatcher {
  /// Word starts remembered while scanning text: a phrase never spans more words than this.
  static let wordMemory = 64

  /// Folds a page's visible text and scans it for every phrase in one pass, without keeping the
  /// folded text: for each phrase found, the UTF-8 offset in `text` of the first word of its
  /// first occurrence (where its evidence snippet is cut from) and how often it occurs. Folds exactly as
  /// ``FoldedBlob`` does: a leading space, words separated by single spaces, a closing space.
  func occurrences(inText text: String) -> [Int: TextOccurrence] {
    var scanner = FoldingScanner(matcher: self)
    scanner.feed(0x20)
    TextNormalizer.forEachFoldedByte(in: text) { byte, wordStart in
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

/// The state of one folding scan: the automaton's state, the folded bytes fed so far, recent
/// word starts, and the first occurrence of each phrase.
private struct FoldingScanner {
  let matcher: PhraseMatcher
  private var state = 0
  private var position = 0
  /// Ring of (folded offset, original offset) of the latest word starts.
  private var words = [(folded: Int, original: Int)](
    repeating: (-1, 0), count: PhraseMatcher.wordMemory)
  private var wordCount = 0
  private(set) var found: [Int: TextOccurrence] = [:]

  init(matcher: PhraseMatcher) { self.matcher = matcher }

  mutating func wordStarts(original: Int) {
    words[wordCount % PhraseMatcher.wordMemory] = (position, original)
    wordCount += 1
  }

  @inline(__always)
  mutating func feed(_ byte: UInt8) {
    state = matcher.next(state, byte)
    position += 1
    guard matcher.hasOutput(state) else { return }
    for id in matcher.outputs(of: state) {
      if found[id] != nil {
        found[id]!.count += 1
      } else {
        // A phrase's bytes begin with the space before its first word.
        found[id] = TextOccurrence(
          first: original(ofWordAt: position - matcher.length(of: id) + 1), count: 1)
      }
    }
  }

  private func original(ofWordAt folded: Int) -> Int {
    var index = wordCount - 1
    while index >= 0, index >= wordCount - PhraseMatcher.wordMemory {
      let word = words[index % PhraseMatcher.wordMemory]
      if word.folded == folded { return word.original }
      if word.folded < folded { break }
      index -= 1
    }
    return 0
  }
}
