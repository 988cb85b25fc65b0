import MuniscanCore

extension PhraseMatcher {
  /// Folds a page's visible text once, stems its words, and scans both for every phrase: for
  /// each phrase found, the UTF-8 offset in `text` of the first word of its first occurrence
  /// (where its evidence snippet is cut from) and how often it occurs. Folds exactly as
  /// ``FoldedBlob`` does: a leading space, words separated by single spaces, a closing space.
  func occurrences(inText text: String, stemming: Stemming) -> [Int: TextOccurrence] {
    occurrences(inText: text, stems: StemCache(stemming))
  }

  /// The same, stemming words through `stems` (a site's, so its pages share their stems).
  func occurrences(inText text: String, stems: StemCache) -> [Int: TextOccurrence] {
    let folded = FoldedWords(text)
    let stemmed = folded.stemmed(by: stems)
    // Counted by phrase id in a flat array, hashed once per phrase found rather than once per
    // occurrence: a page dense with the rules' words holds hundreds of occurrences.
    var counts = [Int32](repeating: 0, count: phraseCount)
    var found: [(phrase: Int, start: Int, inRaw: Bool)] = []
    let bit = bit(of: stems.stemming)
    forEachOccurrence(stemmed: stemmed.bytes, raw: folded.bytes, stemming: { _ in bit }) {
      phrase, start, inRaw in
      if counts[phrase] == 0 { found.append((phrase, start, inRaw)) }
      counts[phrase] += 1
    }
    var occurrences: [Int: TextOccurrence] = Dictionary(minimumCapacity: found.count)
    for (phrase, start, inRaw) in found {
      occurrences[phrase] = TextOccurrence(
        first: (inRaw ? folded : stemmed).original(ofWordAt: start), count: Int(counts[phrase]))
    }
    return occurrences
  }
}

/// Where a phrase first occurs in a page's text (UTF-8 offset of its first word) and how often.
struct TextOccurrence: Equatable {
  var first: Int
  var count: Int
}

/// A text folded (or folded and stemmed) into one buffer, with where each word begins in the
/// buffer and in the original text.
private struct FoldedWords {
  private(set) var bytes: [UInt8] = [0x20]
  /// Offset in `bytes` of each word, ascending.
  private var starts: [Int32] = []
  /// Offset in the original text of each word.
  private var originals: [Int32] = []

  init(_ text: String) {
    var starts: [Int32] = []
    var originals: [Int32] = []
    // Written through the buffer, not appended byte by byte: folding keeps an ASCII byte one
    // byte and makes a scalar of two to four bytes at most four, and a word's separating space
    // follows at least one byte, so twice the text and the two spaces around it always fit.
    bytes = [UInt8](unsafeUninitializedCapacity: 2 * text.utf8.count + 2) { buffer, count in
      buffer[0] = 0x20
      count = 1
      TextNormalizer.forEachFoldedByte(in: text) { byte, wordStart in
        if let wordStart {
          starts.append(Int32(count))
          originals.append(Int32(wordStart))
        }
        assert(count < buffer.count - 1)
        buffer[count] = byte
        count += 1
      }
      buffer[count] = 0x20
      count += 1
    }
    self.starts = starts
    self.originals = originals
  }

  private init() {}

  /// The same words stemmed, each keeping its original offset.
  func stemmed(by stems: StemCache) -> FoldedWords {
    var result = FoldedWords()
    result.bytes.reserveCapacity(bytes.count)
    result.starts.reserveCapacity(starts.count)
    result.originals = originals
    for index in starts.indices {
      let start = Int(starts[index])
      let end = index + 1 < starts.count ? Int(starts[index + 1]) - 1 : bytes.count - 1
      result.starts.append(Int32(result.bytes.count))
      stems.appendStem(of: bytes[start..<end], to: &result.bytes)
      result.bytes.append(0x20)
    }
    if starts.isEmpty { result.bytes.append(0x20) }
    return result
  }

  /// The original offset of the word holding buffer offset `offset`.
  func original(ofWordAt offset: Int) -> Int {
    var low = 0
    var high = starts.count - 1
    guard high >= 0 else { return 0 }
    while low < high {
      let mid = (low + high + 1) / 2
      if Int(starts[mid]) <= offset { low = mid } else { high = mid - 1 }
    }
    return Int(originals[low])
  }
}
