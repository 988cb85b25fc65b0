import MuniscanCore

/// The stems of the words a site's pages are written in, each distinct word stemmed once: a
/// site repeats its menus, footers and vocabulary on every page, and a page its own words, so
/// most words are looked up instead of run through the stemmer's steps again. Gives exactly
/// what its stemming gives. Not Sendable: the judging of one site owns it.
final class StemCache {
  let stemming: Stemming
  /// Distinct words kept at most; past that, words not yet kept are stemmed every time, so a
  /// page of endless distinct words cannot grow the cache without bound.
  static let capacity = 1 << 16
  /// Words longer than this (in UTF-8 bytes) are stemmed every time.
  static let longestWord = 64

  /// Entry index + 1 by slot; 0 for an empty slot. A power of two long, at most half full.
  /// Unchecked: the cache is one site's, used by one thread, and no access to it overlaps.
  @exclusivity(unchecked) private var slots = [Int32](repeating: 0, count: 1024)
  @exclusivity(unchecked) private var entries: [Entry] = []
  /// Each entry's word followed by its stem.
  @exclusivity(unchecked) private var pool: [UInt8] = []

  private struct Entry {
    var hash: UInt32
    var word: Int32
    var wordLength: UInt8
    var stemLength: UInt8
  }

  init(_ stemming: Stemming) {
    self.stemming = stemming
  }

  /// Appends the stem of one folded word to `output`.
  func appendStem(of word: ArraySlice<UInt8>, to output: inout [UInt8]) {
    guard word.count <= Self.longestWord else {
      return stemAndAppend(word, to: &output)
    }
    var hash: UInt32 = 2_166_136_261
    for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while true {
      let index = slots[slot]
      if index == 0 { break }
      let entry = entries[Int(index - 1)]
      if entry.hash == hash, Int(entry.wordLength) == word.count {
        let start = Int(entry.word)
        let stem = start + word.count
        if pool[start..<stem].elementsEqual(word) {
          output.append(contentsOf: pool[stem..<stem + Int(entry.stemLength)])
          return
        }
      }
      slot = (slot + 1) & mask
    }
    let start = pool.count
    guard entries.count < Self.capacity else { return stemAndAppend(word, to: &output) }
    pool.append(contentsOf: word)
    let stemStart = pool.count
    stemAndAppend(word, to: &pool)
    let stemLength = pool.count - stemStart
    output.append(contentsOf: pool[stemStart...])
    // A stem longer than a byte counts (endings add marks) is simply not kept.
    guard stemLength <= Int(UInt8.max) else {
      pool.removeSubrange(start...)
      return
    }
    entries.append(
      Entry(
        hash: hash, word: Int32(start), wordLength: UInt8(word.count),
        stemLength: UInt8(stemLength)))
    slots[slot] = Int32(entries.count)
    if entries.count * 2 > slots.count { grow() }
  }

  /// Runs the stemmer on `word` and appends its stem to `output`.
  private func stemAndAppend(_ word: ArraySlice<UInt8>, to output: inout [UInt8]) {
    var copy = Array(word)
    stemming.stem(&copy)
    output.append(contentsOf: copy)
  }

  /// Doubles the slots and places every entry again.
  private func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (index, entry) in entries.enumerated() {
      var slot = Int(entry.hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }

  /// Appends the folded and stemmed form of `text` to `stemmed`, and its folded bytes before
  /// stemming to `raw` when `keepingRaw` (for exact phrases). Words are separated by single
  /// spaces, with none before the first or after the last.
  func appendFolded(
    _ text: String, stemmed: inout [UInt8], raw: inout [UInt8], keepingRaw: Bool
  ) {
    var word: [UInt8] = []
    word.reserveCapacity(32)
    TextNormalizer.forEachFoldedByte(in: text) { byte, wordStart in
      if keepingRaw { raw.append(byte) }
      if wordStart == nil, byte == 0x20 {
        appendStem(of: word[...], to: &stemmed)
        word.removeAll(keepingCapacity: true)
        stemmed.append(0x20)
      } else {
        word.append(byte)
      }
    }
    if !word.isEmpty { appendStem(of: word[...], to: &stemmed) }
  }
}
