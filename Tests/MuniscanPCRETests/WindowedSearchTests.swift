import FixtureServer
import Testing

@testable import MuniscanPCRE

/// A pattern searched near its anchors finds what a plain search from the start finds: the
/// same first match, the same range, in every text. The plain search is the same pattern in a
/// group, which hides its anchor from ``AnchorWindow``.
@Suite struct WindowedSearchTests {
  static let patterns = [
    AnchorWindowTests.openingHours, AnchorWindowTests.timeRange,
    #"(?:\s+\w+){0,3}\s*;"#, #"(?<!\w)\w{1,3}[.:]?\d*\s*[–-]"#, #"\s*-\d"#, #"[a ]\s*-"#,
  ]

  /// Pieces texts are made of: days, times, dashes, separators, words, characters no match
  /// holds, and characters whose kind the window does not know.
  static let fragments = [
    "E", "T", "k", "N", "R", "L", "P", "esmaspäeval", "Mon", "Пн", "чт", "с", "kl", "kell",
    "8", "16", "8.00", "16:30", "2024", "0", ".", ":", ",", " ", "  ", "\n", "\u{A0}",
    "\u{2002}", "-", "–", "—", "e-post", "eelarve", "Tartu", "õppe", "_", "(", ")", "/", ";",
    "@", "\u{212A}", "😀", "e\u{301}", "²", "α", "§", "€", "«", "ﬁ", "E–N 8.30–16.30",
    "R 9-17", "kl 10.00 - 12.00", " 8.00–", "16.30", "- 9", "a-", " - ",
  ]

  static func plain(_ pattern: String) throws -> PCRE2Pattern {
    let grouped = "(?:\(pattern))"
    #expect(AnchorWindow(pattern: grouped) == nil)
    return try PCRE2Pattern(grouped, caseless: true)
  }

  static func offsets(_ range: Range<String.Index>?, in text: String) -> Range<Int>? {
    range.map {
      text.utf8.distance(
        from: text.startIndex, to: $0.lowerBound)..<text.utf8.distance(
          from: text.startIndex, to: $0.upperBound)
    }
  }

  @Test(arguments: patterns)
  func randomTextsGiveThePlainSearchsMatch(pattern: String) throws {
    #expect(AnchorWindow(pattern: pattern) != nil)
    let windowed = try PCRE2Pattern(pattern, caseless: true)
    let plain = try Self.plain(pattern)
    var random = SplitMix64(seed: 20_261_206)
    var matched = 0
    for _ in 0..<3_000 {
      let count = Int.random(in: 1...40, using: &random)
      let text = (0..<count).map { _ in Self.fragments.randomElement(using: &random)! }.joined()
      let expected = Self.offsets(plain.firstMatch(in: text), in: text)
      #expect(Self.offsets(windowed.firstMatch(in: text), in: text) == expected, "\(text)")
      if expected != nil { matched += 1 }
    }
    // The texts match often enough, and not always, for the comparison to tell.
    #expect(matched > 100 && matched < 2_900)
  }

  @Test func openingHoursAreFoundWhereTheyStand() throws {
    let pattern = try PCRE2Pattern(AnchorWindowTests.openingHours, caseless: true)
    for (text, hours) in [
      ("Vallamaja on avatud E–N 8.30–16.30, R 8.30–14.00.", "E–N 8.30–16.30"),
      ("e-post: vald@vald.ee; Esmaspäev - neljapäev kl 9-17", "Esmaspäev - neljapäev kl 9-17"),
      ("Часы работы: Пн–Чт 8.00–16.30", "Пн–Чт 8.00–16.30"),
      ("2024–2025 eelarve; ülevaade 10.00–12.00", nil),
    ] {
      #expect(pattern.firstMatch(in: text).map { String(text[$0]) } == hours)
    }
  }
}

/// Patterns put together at random from the pieces rule files use: wherever one gets a window,
/// it finds what the plain search finds.
@Suite struct RandomPatternWindowTests {
  static let pieces = [
    "e", "kl", "ü", "п", #"\w"#, #"\d"#, "[0-9]", "[a-z]", #"\s"#, " ", "[-–—]", "-", "–", ":",
    #"\."#, "[.:]", #"[\s,:]"#, "[,;]", "(?:e|t|kell)", #"(?:\s+\w+)"#, #"(?:[.:][0-9]{2})"#,
    #"(?<!\w)"#, #"(?!\.?[0-9])"#, #"\b"#, "[^@]", ".", "(?:a|-)",
  ]
  static let quantifiers = ["", "", "", "?", "*", "+", "{1,2}", "{2}", "{0,3}", "*?"]
  static let characters = [
    "e", "a", "9", "ü", "п", "_", " ", " ", "\n", "-", "–", ":", ".", ",", "@",
  ]

  @Test func windowedPatternsMatchAsPlainOnes() throws {
    var random = SplitMix64(seed: 20_261_207)
    var windowed = 0
    var matched = 0
    for _ in 0..<2_000 {
      let count = Int.random(in: 1...7, using: &random)
      let pattern = (0..<count).map { _ in
        Self.pieces.randomElement(using: &random)! + Self.quantifiers.randomElement(using: &random)!
      }.joined()
      guard let compiled = try? PCRE2Pattern(pattern, caseless: true),
        AnchorWindow(pattern: pattern) != nil
      else { continue }
      windowed += 1
      let plain = try WindowedSearchTests.plain(pattern)
      for round in 0..<60 {
        // Half the texts of single characters the pieces hold, which random patterns match.
        let fragments = round.isMultiple(of: 2) ? WindowedSearchTests.fragments : Self.characters
        let length = Int.random(in: 1...30, using: &random)
        let text = (0..<length).map { _ in fragments.randomElement(using: &random)! }.joined()
        let expected = WindowedSearchTests.offsets(plain.firstMatch(in: text), in: text)
        let found = WindowedSearchTests.offsets(compiled.firstMatch(in: text), in: text)
        #expect(found == expected, "\(pattern) in \(text)")
        if expected != nil { matched += 1 }
      }
    }
    #expect(windowed > 500 && matched > 4_000)
  }
}
