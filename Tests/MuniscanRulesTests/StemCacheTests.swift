import MuniscanCore
import Testing

@testable import MuniscanRules

/// A site's stem cache reads a word exactly as reading it afresh does (the stemmer's stem, then
/// the matcher's tables), for words seen again, words that hash alike, words too long to keep,
/// and past its capacity.
@Suite struct StemCacheTests {
  let stemming = Stemming(latin: "et", cyrillic: "ru")
  let matcher = PhraseMatcher(
    phrases: Set(
      [
        "toetus", "*toetus", "volikogu liikmed", "=eelarve", "eelarve*", "*noorte*", "отчёт",
        "sona1tele",
      ].compactMap(Phrase.init)),
    stemmings: [Stemming(latin: "et", cyrillic: "ru")])

  /// The reading's numbers and the patterns that start at the word.
  private func fresh(_ word: [UInt8]) -> [Int32] {
    var stem = word
    stemming.stem(&stem)
    var starts: [Int32] = []
    let numbers = word.withUnsafeBufferPointer { word in
      stem.withUnsafeBufferPointer {
        matcher.read(word: word, stem: $0, stemming: matcher.bit(of: stemming), starts: &starts)
      }
    }
    return [numbers.stem, numbers.word] + starts
  }

  private func cached(_ word: [UInt8], _ cache: StemCache) -> [Int32] {
    let reading = word.withUnsafeBufferPointer { cache.reading(of: $0) }
    return [reading.stem, reading.word] + reading.starts.map { cache.start($0, of: reading) }
  }

  @Test func cachedReadingsAreFreshReadings() {
    let cache = StemCache(stemming, matcher: matcher)
    let words =
      [
        "toetused", "toetuste", "tegevustoetus", "volikogule", "liikmed", "eelarve",
        "eelarvestrateegia", "noortenoortekogu", "a", "", "отчёты", "депутатов",
        String(repeating: "pikk", count: 20) + "toetus",
      ].map { Array(TextNormalizer.normalize($0).utf8) }
    #expect(words.contains { fresh($0).count > 2 }, "some words start patterns")
    for _ in 0..<3 {
      for word in words { #expect(cached(word, cache) == fresh(word)) }
    }
  }

  @Test func manyDistinctWordsPastTheCapacity() {
    let cache = StemCache(stemming, matcher: matcher)
    // Words sharing endings and prefixes, more than the cache keeps, each asked twice.
    let words = (0..<(StemCache.capacity + 500)).map { Array("sona\($0)tele".utf8) }
    for word in words { #expect(cached(word, cache) == fresh(word)) }
    for word in words.suffix(1000) + words.prefix(1000) {
      #expect(cached(word, cache) == fresh(word))
    }
  }
}
