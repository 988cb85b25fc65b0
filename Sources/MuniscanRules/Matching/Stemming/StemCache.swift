import MuniscanCore

/// The words a site's pages are written in, each distinct word stemmed and read against the
/// rule set's phrases once (``PhraseMatcher/read(word:stem:stemming:starts:)``): a site repeats
/// its menus, footers and vocabulary on every page, and a page its own words, so most words are
/// looked up instead of run through the stemmer's steps and the phrase tables again. Reads
/// exactly as reading each word afresh does. Not Sendable: the judging of one site owns it (and
/// hands it on to the next, see ``StemCaches``).
final class StemCache {
  let stemming: Stemming
  let matcher: PhraseMatcher
  /// The bit of `stemming` among the matcher's.
  private let bit: UInt32
  /// Distinct words kept at most; past that, words not yet kept are read every time, so a
  /// page of endless distinct words cannot grow the cache without bound.
  static let capacity = 1 << 16
  /// Words longer than this (in UTF-8 bytes) are read every time.
  static let longestWord = 64

  // Unchecked: the cache is one site's, used by one thread, and no access to it overlaps.
  /// The kept words, and their readings by number.
  @exclusivity(unchecked) private var words = ByteStrings()
  @exclusivity(unchecked) private var readings: [WordReading] = []
  /// The patterns that may start at each kept word, as its reading's range says.
  @exclusivity(unchecked) private var starts: [Int32] = []
  /// Those of the last word read and not kept.
  @exclusivity(unchecked) private var scratch: [Int32] = []
  @exclusivity(unchecked) private var stem: [UInt8] = []
  /// The last page text read for phrases through this cache, for the next one to start where
  /// the two part.
  var lastPageText: ScannedText?

  /// How many distinct words are kept.
  var count: Int { words.count }

  init(_ stemming: Stemming, matcher: PhraseMatcher) {
    self.stemming = stemming
    self.matcher = matcher
    bit = matcher.bit(of: stemming)
  }

  /// What one folded word is to the matcher's phrases.
  func reading(of word: UnsafeBufferPointer<UInt8>) -> WordReading {
    let keep = word.count <= Self.longestWord
    if keep, let number = words.number(of: word) { return readings[number] }
    stem.removeAll(keepingCapacity: true)
    stem.append(contentsOf: word)
    stemming.stem(&stem)
    guard keep, words.count < Self.capacity else {
      scratch.removeAll(keepingCapacity: true)
      let numbers = stem.withUnsafeBufferPointer {
        matcher.read(word: word, stem: $0, stemming: bit, starts: &scratch)
      }
      return WordReading(
        stem: numbers.stem, word: numbers.word, starts: 0..<scratch.count, transient: true)
    }
    let first = starts.count
    let numbers = stem.withUnsafeBufferPointer {
      matcher.read(word: word, stem: $0, stemming: bit, starts: &starts)
    }
    let reading = WordReading(
      stem: numbers.stem, word: numbers.word, starts: first..<starts.count, transient: false)
    words.add(word)
    readings.append(reading)
    return reading
  }

  /// Start `index` (in the reading's range) of a reading this cache gave, until it reads the
  /// next word it does not keep.
  @inline(__always)
  func start(_ index: Int, of reading: WordReading) -> Int32 {
    reading.transient ? scratch[index] : starts[index]
  }
}
