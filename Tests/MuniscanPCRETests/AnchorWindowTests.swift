import Testing

@testable import MuniscanPCRE

/// What ``AnchorWindow`` reads from a pattern, and the patterns it leaves to a plain search.
@Suite struct AnchorWindowTests {
  /// The default Estonian rules' opening-hours pattern: weekdays, then a time range.
  static let openingHours =
    #"(?<!\w)(?:e(?:smasp\w*)?|t(?:eisip\w*|ue\w*|hu\w*)?|k(?:olmap\w*)?|n(?:eljap\w*)?|r(?:eede\w*)?|l(?:aup\w*)?|p(?:ühap\w*)?|mon\w*|wed\w*|fri\w*|s(?:at|un)\w*|п(?:н|т|онедельник\w*|ятниц\w*)|в(?:т|с|торник\w*)|с(?:р|б|ред\w*)|ч(?:т|етверг\w*))(?:\s*[-–—]\s*(?:e(?:smasp\w*)?|t(?:eisip\w*|ue\w*|hu\w*)?|k(?:olmap\w*)?|n(?:eljap\w*)?|r(?:eede\w*)?|l(?:aup\w*)?|p(?:ühap\w*)?|mon\w*|wed\w*|fri\w*|s(?:at|un)\w*|п(?:н|т|онедельник\w*|ятниц\w*)|в(?:т|с|торник\w*)|с(?:р|б|ред\w*)|ч(?:т|етверг\w*)))?\.?[\s,:]*(?:kl\.?\s*|kell\s*|с\s*)?[0-9]{1,2}(?:[.:][0-9]{2})?\s*[-–—]\s*[0-9]{1,2}(?:[.:][0-9]{2})?(?!\.?[0-9])"#
  /// The same rules' time range.
  static let timeRange =
    #"(?<![0-9.])[0-9]{1,2}[.:][0-9]{2}\s*[-–—]\s*[0-9]{1,2}[.:][0-9]{2}(?!\.?[0-9])"#

  static let spaces: Set<UInt8> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20]
  static let digits = Set(UInt8(ascii: "0")...UInt8(ascii: "9"))

  @Test func openingHoursAreAnchoredOnTheTimeRangesDash() throws {
    let window = try #require(AnchorWindow(pattern: Self.openingHours))
    #expect(window.anchors == ["-", "–", "—"])
    // First day, second day, `kl`, hours, minutes.
    #expect(window.runs == 5)
    #expect(window.separators == Self.spaces.union([0x2D, 0x2E, 0x2C, 0x3A]))
    #expect(window.startsAfterNonWord)
    #expect(window.skippedBeforeAnchor == Self.spaces)
    #expect(window.endingBeforeAnchor == Self.digits.union([0x2E, 0x3A]))
  }

  @Test func timeRangeHasTwoRunsBeforeItsDash() throws {
    let window = try #require(AnchorWindow(pattern: Self.timeRange))
    #expect(window.runs == 2)
    #expect(!window.startsAfterNonWord)
    #expect(window.endingBeforeAnchor == Self.digits)
  }

  @Test func boundedRepetitionsCountTheirRuns() throws {
    #expect(AnchorWindow(pattern: #"(?:\s+\w+){0,3}\s*;"#)?.runs == 3)
    #expect(AnchorWindow(pattern: #"(?:ab|c\d)*\w+ ?[/]"#)?.runs == 1)
    #expect(AnchorWindow(pattern: #"x{2}[:]"#)?.runs == 1)
    #expect(AnchorWindow(pattern: #"e(?:\s+\w+)-"#)?.runs == 2)
    #expect(AnchorWindow(pattern: #"(?:e|t)kl\d*\s?-"#)?.runs == 1)
    #expect(AnchorWindow(pattern: #"\x{e4}rge\x2D"#)?.anchors == ["-"])
    // Nothing need stand before an anchor that may begin the match.
    #expect(AnchorWindow(pattern: #"\s*-\d"#)?.endingBeforeAnchor == nil)
  }

  @Test func whatCannotBeBoundedGetsNoWindow() {
    for pattern in [
      "volikogu|istung-",  // two branches
      "a.b-",  // any character
      "[^@]+-",  // a negated class
      #"(?:\w+\s)*-"#,  // words and spaces repeated without bound
      #"\p{L}+-"#,  // a property
      "(?<name>a)-",  // a named group
      "(?x)a -",  // inline flags
      "(*UCP)a-",  // a verb
      #"\Qa-\E"#,  // quoting
      #"(a)\1-"#,  // a back-reference
      #"[a-ö]-"#,  // a range beyond ASCII
      "ab",  // no anchor
      #"a\s+b"#,  // only white space, which is everywhere
      "a-?b",  // an optional anchor
      "ab)",  // unbalanced
    ] {
      #expect(AnchorWindow(pattern: pattern) == nil, "\(pattern)")
    }
  }

  @Test func sharedSkipAndEndingCharactersGiveNoEndingCheck() throws {
    let window = try #require(AnchorWindow(pattern: #"[a ]\s*-"#))
    #expect(window.endingBeforeAnchor == nil)
  }
}
