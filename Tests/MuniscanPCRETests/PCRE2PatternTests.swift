import Testing

@testable import MuniscanPCRE

@Suite struct PCRE2PatternTests {
  private func match(_ pattern: String, in text: String, caseless: Bool = true) throws -> String? {
    try PCRE2Pattern(pattern, caseless: caseless).firstMatch(in: text).map { String(text[$0]) }
  }

  @Test func caselessCoversEstonianLetters() throws {
    #expect(try match("õigusakt", in: "Vaata ÕIGUSAKTE siit") == "ÕIGUSAKT")
    #expect(try match("ŠOKOLAAD|žürii", in: "Žürii otsus") == "Žürii")
    #expect(try match("Volikogu", in: "volikogu", caseless: false) == nil)
  }

  @Test func rangeIsInTheTextAfterMultiByteLetters() throws {
    #expect(try match(#"\d+\.\d+\.\d{4}"#, in: "Päeva õhtul, 12.03.2026 kell 5") == "12.03.2026")
    #expect(try match("istung", in: "ÕÄÖÜ istung") == "istung")
  }

  @Test func classesAndBoundariesAreUnicode() throws {
    #expect(try match(#"\w+"#, in: "  Põltsamaa vald") == "Põltsamaa")
    #expect(try match(#"\bäri\b"#, in: "väärikas äri") == "äri")
  }

  @Test func dotStopsAtEveryLineBreak() throws {
    #expect(try match("a.b", in: "a\u{2028}b") == nil)
    #expect(try match("a.b", in: "a\rb") == nil)
    #expect(try match("a.b", in: "a b") == "a b")
  }

  @Test func invalidPatternSaysWhyAndWhere() {
    #expect(throws: PCRE2PatternError.self) { try PCRE2Pattern("(x", caseless: true) }
    do {
      _ = try PCRE2Pattern("ab[c", caseless: false)
      Issue.record("compiled")
    } catch {
      #expect(error.description == "missing terminating ] for character class at offset 4")
    }
  }

  @Test func matchesFromManyTasksAtOnce() async throws {
    let pattern = try PCRE2Pattern(#"eelarve\w*"#, caseless: true)
    let texts = (0..<64).map { "Vald \($0): EELARVEST \(String(repeating: "x", count: $0))" }
    let found = await withTaskGroup(of: Bool.self) { group in
      for text in texts {
        group.addTask { pattern.firstMatch(in: text).map { text[$0] == "EELARVEST" } ?? false }
      }
      return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
    #expect(found == texts.count)
  }
}
