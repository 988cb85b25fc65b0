import FixtureServer
import MuniscanCore
import Testing

@testable import MuniscanRules

/// The word-by-word scan finds exactly what the rule language means, written here the plainest
/// way: a phrase's words (stemmed, or as written for `=` and `*` phrases) with a space before
/// them (unless `*word` lets the first be a compound's end, after at least three letters) and
/// after them (unless `word*` lets the last go on) occur as bytes in the text's folded words,
/// stemmed alike, between single spaces. Random texts and phrases, every occurrence counted.
@Suite struct PhraseScanReferenceTests {
  private static let words = [
    "volikogu", "volikogule", "noortevolikogu", "istung", "istungid", "istungite", "protokoll",
    "protokollid", "eelarve", "eelarvet", "eelarvestrateegia", "toetus", "tegevustoetuse",
    "toetuste", "kord", "korda", "kodukord", "rekord", "kontakt", "kontaktid", "liikmed",
    "liikmete", "määrus", "määrused", "õigusakt", "õigusaktid", "а", "ь", "собрание",
    "собрания", "депутатов", "budget", "budgets", "council", "meetings", "1", "2026", "ja",
    "noorte", "noortenoorte", String(repeating: "pikk", count: 20) + "volikogu",
  ]
  private static let separators = [" ", "  ", ", ", ". ", "—", "·", " (", ") ", "? ", "\n"]

  /// Every occurrence: (phrase id, original offset of the word it begins in), in any order.
  private func reference(
    _ text: String, _ phrases: [Phrase], matcher: PhraseMatcher, stemming: Stemming
  ) -> [[Int]] {
    var words: [[UInt8]] = []
    var offsets: [Int] = []
    TextNormalizer.forEachFoldedByte(in: text) { byte, start in
      if let start {
        words.append([])
        offsets.append(start)
      }
      if start != nil || byte != 0x20 { words[words.count - 1].append(byte) }
    }
    let stems = words.map { word -> [UInt8] in
      var stem = word
      stemming.stem(&stem)
      return stem
    }
    /// The words between single spaces, with each byte's word.
    func blob(_ words: [[UInt8]]) -> (bytes: [UInt8], word: [Int]) {
      var bytes: [UInt8] = [0x20]
      var word = [-1]
      for (index, each) in words.enumerated() {
        bytes += each + [0x20]
        word += Array(repeating: index, count: each.count) + [-1]
      }
      return (bytes, word)
    }
    let bit = matcher.bit(of: stemming)
    var found: [[Int]] = []
    for phrase in phrases {
      let id = matcher.id(of: phrase)!
      let exact = phrase.isExact || phrase.isPrefix
      var forms: Set<String> = []
      if exact {
        forms = [phrase.normalized]
      } else {
        for (index, each) in matcher.stemmings.enumerated() where (1 << index) & bit != 0 {
          forms.insert(each.stemWords(phrase.normalized))
        }
      }
      let (bytes, word) = blob(exact ? words : stems)
      for form in forms {
        let pattern =
          (phrase.isCompound ? [] : [0x20]) + Array(form.utf8) + (phrase.isPrefix ? [] : [0x20])
        guard pattern.count <= bytes.count else { continue }
        for begin in 0...(bytes.count - pattern.count)
        where Array(bytes[begin..<begin + pattern.count]) == pattern {
          let first = phrase.isCompound ? begin : begin + 1
          guard word[first] >= 0 else { continue }
          var head = 0
          while first - head > 0, bytes[first - head - 1] != 0x20 { head += 1 }
          guard head == 0 || (phrase.isCompound && head >= PhraseMatcher.compoundHead) else {
            continue
          }
          found.append([id, offsets[word[first]]])
        }
      }
    }
    return found
  }

  private func scanned(_ text: String, stems: StemCache) -> [[Int]] {
    var found: [[Int]] = []
    var scan = PhraseScan()
    scan.scan(text, stems: stems) { found.append([$0, $1]) }
    return found
  }

  private func randomText(_ generator: inout SplitMix64) -> String {
    var text = ""
    for _ in 0..<Int.random(in: 0...40, using: &generator) {
      var word = Self.words.randomElement(using: &generator)!
      if Bool.random(using: &generator) { word = word.capitalized }
      text += word + Self.separators.randomElement(using: &generator)!
    }
    return text
  }

  private func randomPhrases(_ generator: inout SplitMix64) -> [Phrase] {
    (0..<12).compactMap { _ in
      let count = Int.random(in: 1...3, using: &generator)
      var source = (0..<count).map { _ in Self.words.randomElement(using: &generator)! }
        .joined(separator: " ")
      switch Int.random(in: 0..<6, using: &generator) {
      case 0: source = "=" + source
      case 1: source = "*" + source
      case 2: source += "*"
      case 3: source = "*" + source + "*"
      default: break
      }
      return Phrase(source)
    }
  }

  /// Random phrases, their matcher, and the stemming of round `round`'s texts (Estonian,
  /// English or none in turn).
  private func randomMatcher(_ round: Int, _ generator: inout SplitMix64) -> (
    phrases: [Phrase], matcher: PhraseMatcher, stemming: Stemming
  ) {
    let stemmings = LanguageStemmings(languages: ["et", "en", "ru"])
    let phrases = randomPhrases(&generator)
    let stemming = [
      stemmings.stemming(forPageLanguage: "et"), stemmings.stemming(forPageLanguage: "en"), .none,
    ][round % 3]
    return (phrases, PhraseMatcher(phrases: Set(phrases), stemmings: stemmings.all), stemming)
  }

  @Test func theScanFindsEveryOccurrenceTheReferenceFinds() {
    var generator = SplitMix64(seed: 10)
    for round in 0..<300 {
      let (phrases, matcher, stemming) = randomMatcher(round, &generator)
      // One cache for all texts of a round, as a site's pages share one.
      let stems = StemCache(stemming, matcher: matcher)
      for _ in 0..<5 {
        let text = randomText(&generator)
        let expected = reference(text, Array(Set(phrases)), matcher: matcher, stemming: stemming)
        let found = scanned(text, stems: stems)
        #expect(
          found.sorted { $0.lexicographicallyPrecedes($1) }
            == expected.sorted { $0.lexicographicallyPrecedes($1) }, "\(phrases) in \(text)")
      }
    }
  }

  @Test func pageTextsReadFromWhereTheyPartFindWhatWholeReadsFind() {
    var generator = SplitMix64(seed: 11)
    for round in 0..<300 {
      let (phrases, matcher, stemming) = randomMatcher(round, &generator)
      // A site's pages: a shared start (header and menu), sometimes cut inside a word or a
      // phrase, then each page's own words; one cache for all, as a site's pages share one.
      let stems = StemCache(stemming, matcher: matcher)
      let header = randomText(&generator)
      for _ in 0..<6 {
        let cut = Int.random(in: 0...header.utf8.count, using: &generator)
        let shared = String(decoding: header.utf8.prefix(cut), as: UTF8.self)
        let text =
          (Int.random(in: 0..<4, using: &generator) == 0 ? header : shared)
          + randomText(&generator)
        #expect(
          matcher.occurrences(inText: text, stems: stems, pageText: true)
            == matcher.occurrences(inText: text, stemming: stemming), "\(phrases) in \(text)")
      }
    }
  }
}
