import MuniscanCore

/// One pass over a text's folded words: each word read through a site's ``StemCache`` as the
/// fold ends it, the patterns begun at earlier words carried on or dropped, and each pattern
/// completed reported. Keeps its buffers from text to text.
struct PhraseScan {
  /// What the text is folded into (``TextNormalizer/forEachFoldedWord(in:buffer:_:)``).
  private var folded: [UInt8] = []
  /// Patterns begun and not complete.
  private var open: [Begun] = []

  /// A pattern begun: which, how many of its words have matched, and the original offset of
  /// the word it began at.
  private struct Begun {
    var pattern: Int32
    var matched: Int32
    var offset: Int32
  }

  /// Calls `body` with the phrase id and the UTF-8 offset in `text` of the word it begins at
  /// (a compound's, for a `*word` phrase) of every phrase occurrence in `text`, in the order
  /// they end, stemming its words through `stems`.
  mutating func scan(
    _ text: String, stems: StemCache, _ body: (_ phrase: Int, _ offset: Int) -> Void
  ) {
    scan(text, from: 0, stems: stems, resumable: { _ in }, body)
  }

  /// The same from UTF-8 offset `start` of `text` (a word's start, no pattern begun before it),
  /// calling `resumable` with the offset of each word before which no pattern is open: where
  /// a scan of a text beginning with the same bytes can start instead.
  mutating func scan(
    _ text: String, from start: Int, stems: StemCache, resumable: (_ offset: Int) -> Void,
    _ body: (_ phrase: Int, _ offset: Int) -> Void
  ) {
    open.removeAll(keepingCapacity: true)
    var buffer: [UInt8] = []
    swap(&buffer, &folded)
    defer { swap(&buffer, &folded) }
    let matcher = stems.matcher
    TextNormalizer.forEachFoldedWord(in: text, from: start, buffer: &buffer) { word, offset in
      if open.isEmpty { resumable(offset) }
      Self.step(word, at: Int32(offset), stems, matcher, &open, body)
    }
  }

  /// Reads one word, which begins at `offset` in the text.
  @inline(__always)
  private static func step(
    _ word: UnsafeBufferPointer<UInt8>, at offset: Int32, _ stems: StemCache,
    _ matcher: PhraseMatcher, _ open: inout [Begun], _ body: (_ phrase: Int, _ offset: Int) -> Void
  ) {
    let reading = stems.reading(of: word)
    if !open.isEmpty {
      var kept = 0
      for index in open.indices {
        var begun = open[index]
        let pattern = matcher.patterns[Int(begun.pattern)]
        guard matcher.word(Int(begun.matched), of: pattern, is: word, reading: reading) else {
          continue
        }
        begun.matched += 1
        if Int(begun.matched) == pattern.wordCount {
          body(pattern.phrase, Int(begun.offset))
        } else {
          open[kept] = begun
          kept += 1
        }
      }
      open.removeLast(open.count - kept)
    }
    for index in reading.starts {
      let start = stems.start(index, of: reading)
      let pattern = matcher.patterns[Int(start)]
      if pattern.wordCount == 1 {
        body(pattern.phrase, Int(offset))
      } else {
        open.append(Begun(pattern: start, matched: 1, offset: offset))
      }
    }
  }
}
