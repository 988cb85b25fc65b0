import Foundation
import Testing

@testable import MuniscanRules

@Suite struct RequiredLiteralsTests {
  @Test(arguments: [
    ("2016/2102", ["2016/2102"], true),
    (#"webdesktop|/dhs/|delta\.ee|adr\."#, ["webdesktop", "/dhs/", "delta.ee", "adr."], true),
    (#"/akt/4\d|kov_otsing|kov=|/kov"#, ["/akt/4", "kov_otsing", "kov=", "/kov"], false),
    ("colou?r", ["colo"], false),
    ("abc{2}", ["abc"], false),
    ("^/Volikogu/", ["/volikogu/"], false),
    (#"(?:istung|council)\s+\d+"#, ["istung", "council"], false),
  ])
  func literalsAreRead(pattern: String, literals: [String], exact: Bool) throws {
    let found = try #require(RequiredLiterals(pattern: pattern))
    #expect(found.literals == literals)
    #expect(found.isExact == exact)
  }

  @Test(arguments: [
    #"(?<![\d.,])[1-9]\d{4}(?![\d]|[.,]\d)"#, "a{3}", "(?i)volikogu", "(?x)vol ikogu",
    #"\Qa|b\E"#, "(?:volikogu|заседание)", "ab|c", "(?:istung)?protokoll|x", "[abc]def?",
  ])
  func patternsWithoutUsableLiteralsAreLeftToTheRegex(pattern: String) {
    #expect(RequiredLiterals(pattern: pattern) == nil)
  }

  /// The prefilter never rejects a text the expression matches, and an exact one agrees with it.
  @Test func literalsNeverContradictTheExpression() throws {
    let patterns = [
      "2016/2102", #"webdesktop|/dhs/|delta\.ee|adr\."#, "colou?r", "strasse|kelvin",
      #"(?:istung|council)\s+\d+"#, "volikogu|istung|council", "eesti 200",
    ]
    let texts = [
      "Määrus (EL) 2016/2102", "https://WWW.Delta.ee/x", "color", "COLOUR", "Straße", "ſtrasse",
      "\u{212A}elvin", "ISTUNG 12", "council", "no match here", "", "eesti  200", "EESTI 200",
    ]
    for pattern in patterns {
      let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
      let literals = try #require(RequiredLiterals(pattern: pattern))
      for text in texts {
        let matched =
          regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        let occurs = literals.occur(in: RequiredLiterals.lowercased(text))
        if matched { #expect(occurs, "\(pattern) on \(text)") }
        if literals.isExact { #expect(occurs == matched, "\(pattern) on \(text)") }
      }
    }
  }
}
