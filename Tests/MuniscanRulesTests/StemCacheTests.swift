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
    var stem: [UInt8] = []
    cache.appendStem(of: word[...], to: &stem)
    return stem
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

  /// A text folded and stemmed through the cache is its words folded and stemmed one by one,
  /// single spaces between them, and the folded text beside it when asked for.
  @Test func foldedTextIsItsWordsStemmed() {
    let cache = StemCache(stemming)
    let text = "  Volikogu TOETUSED, 2026. aasta eelarve — отчёты депутатов!  "
    let words = TextNormalizer.normalize(text).split(separator: " ").map { Array($0.utf8) }
    var stemmed: [UInt8] = [0x7C]
    var raw: [UInt8] = [0x7C]
    cache.appendFolded(text, stemmed: &stemmed, raw: &raw, keepingRaw: true)
    #expect(stemmed == [0x7C] + Array(words.map(direct).joined(separator: [0x20])))
    #expect(raw == [0x7C] + Array(TextNormalizer.normalize(text).utf8))
    var unkept: [UInt8] = []
    cache.appendFolded(text, stemmed: &stemmed, raw: &unkept, keepingRaw: false)
    #expect(unkept.isEmpty)
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
