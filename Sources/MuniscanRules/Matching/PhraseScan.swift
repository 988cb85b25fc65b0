import MuniscanCore

/// One pass over a text's folded words: each word read through a site's ``StemCache``, the
/// patterns begun at earlier words carried on or dropped, and each pattern completed reported.
/// Keeps its buffers from text to text.
struct PhraseScan {
  /// The text folded: its words, one after another.
  private var folded: [UInt8] = []
  /// Where each word begins in `folded` (word `i` ends where `i + 1` begins), and in the text.
  private var starts: [Int32] = []
  private var originals: [Int32] = []
  /// Patterns begun and not complete: which, how many of its words have matched, and the
  /// original offset of the word it began at.
  private var open: [(pattern: Int32, matched: Int32, offset: Int32)] = []

  /// Calls `body` with the phrase id and the UTF-8 offset in `text` of the word it begins at
  /// (a compound's, for a `*word` phrase) of every phrase occurrence in `text`, in the order
  /// they end, stemming its words through `stems`.
  mutating func scan(
    _ text: String, stems: StemCache, _ body: (_ phrase: Int, _ offset: Int) -> Void
  ) {
    fold(text)
    open.removeAll(keepingCapacity: true)
    let matcher = stems.matcher
    folded.withUnsafeBufferPointer { folded in
      for index in 0..<starts.count - 1 {
        let word = UnsafeBufferPointer(
          rebasing: folded[Int(starts[index])..<Int(starts[index + 1])])
        step(word, at: originals[index], stems, matcher, body)
      }
    }
  }

  /// Folds `text` into `folded`, noting where its words begin. Written through the buffer, not
  /// appended byte by byte: folding keeps an ASCII byte one byte and makes a scalar of two to
  /// four bytes at most four, so twice the text's length always fits.
  private mutating func fold(_ text: String) {
    starts.removeAll(keepingCapacity: true)
    originals.removeAll(keepingCapacity: true)
    if folded.count < 2 * text.utf8.count {
      folded = [UInt8](repeating: 0, count: 2 * text.utf8.count)
    }
    var count = 0
    folded.withUnsafeMutableBufferPointer { buffer in
      TextNormalizer.forEachFoldedByte(in: text) { byte, wordStart in
        if let wordStart {
          starts.append(Int32(count))
          originals.append(Int32(wordStart))
        } else if byte == 0x20 {
          return
        }
        buffer[count] = byte
        count += 1
      }
    }
    starts.append(Int32(count))
  }

  /// Reads one word, which begins at `offset` in the text.
  @inline(__always)
  private mutating func step(
    _ word: UnsafeBufferPointer<UInt8>, at offset: Int32, _ stems: StemCache,
    _ matcher: PhraseMatcher, _ body: (_ phrase: Int, _ offset: Int) -> Void
  ) {
    let reading = stems.reading(of: word)
    if !open.isEmpty {
      var kept = 0
      for index in open.indices {
        let begun = open[index]
        let pattern = matcher.patterns[Int(begun.pattern)]
        guard matcher.word(Int(begun.matched), of: pattern, is: word, reading: reading) else {
          continue
        }
        if Int(begun.matched) + 1 == pattern.wordCount {
          body(pattern.phrase, Int(begun.offset))
        } else {
          open[kept] = (begun.pattern, begun.matched + 1, begun.offset)
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
        open.append((start, 1, offset))
      }
    }
  }
}
