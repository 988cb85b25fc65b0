import MuniscanCore
import Testing

@testable import MuniscanRules

/// A site's stem cache gives exactly the stems its stemming gives, for words seen again, words
/// that hash alike, words too long to keep, and past its capacity.
@Suite struct StemCacheTests {
  let stemming = Stemming(latin: "et", cyrillic: "ru")

  private func direct(_ word: [UInt8]) -> [UInt8] {
    var word = word
    stemming.stem(&word)
    return word
  }

  private func cached(_ word: [UInt8], _ cache: StemCache) -> [UInt8] {
    var word = word
    cache.stem(&word)
    return word
  }

  @Test func cachedStemsAreTheStemmersStems() {
    let cache = StemCache(stemming)
    let words =
      [
        "toetused", "toetuste", "volikogule", "mittetulunduslikku", "eelarve", "a", "",
        "отчёты", "депутатов", String(repeating: "pikk", count: 20) + "ele",
      ].map { Array(TextNormalizer.normalize($0).utf8) } + [[]]
    for _ in 0..<3 {
      for word in words { #expect(cached(word, cache) == direct(word)) }
    }
  }

  @Test func manyDistinctWordsPastTheCapacity() {
    let cache = StemCache(stemming)
    // Words sharing endings and prefixes, more than the cache keeps, each asked twice.
    let words = (0..<(StemCache.capacity + 500)).map { Array("sona\($0)tele".utf8) }
    for word in words { #expect(cached(word, cache) == direct(word)) }
    for word in words.suffix(1000) + words.prefix(1000) {
      #expect(cached(word, cache) == direct(word))
    }
  }
}
