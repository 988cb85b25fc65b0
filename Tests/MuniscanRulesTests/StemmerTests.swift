import MuniscanCore
import Testing

@testable import MuniscanRules

@Suite struct StemmerTests {
  private func stems(_ language: String, _ words: [String]) throws -> Set<String> {
    let stemmer = try #require(Stemmers.stemmer(for: language))
    return Set(
      words.map { word in
        var bytes = Array(TextNormalizer.normalize(word).utf8)
        stemmer.stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
      })
  }

  @Test func estonianFormsOfANounMeetOnOneStem() throws {
    let families = [
      ["toetus", "toetuse", "toetust", "toetusi", "toetuseks", "toetusele"],
      ["toetused", "toetuste", "toetustele"],
      ["volikogu", "volikogule", "volikogusse", "volikogult", "volikogul"],
      ["toetamine", "toetamise", "toetamist", "toetamisel"],
      ["mittetulunduslik", "mittetulundusliku", "mittetulunduslikku"],
      ["eelarve", "eelarvet", "eelarvest", "eelarves"],
      ["istung", "istungi", "istungil"],
      ["istungid", "istungite"],
      ["koosseis", "koosseisu"],
      ["liikmed", "liikmete", "liikmeid"],
      ["eelnõud", "eelnõude"],
    ]
    for family in families {
      #expect(try stems("et", family).count == 1, "\(family)")
    }
  }

  @Test func estonianKeepsApartWhatItShould() throws {
    // -us and -is nominatives are not inessives; short words are left whole.
    #expect(try stems("et", ["koosseis", "koos"]).count == 2)
    #expect(try stems("et", ["kava"]) == ["kava"])
    // A plural (a list of acts, the drafts) is not the singular (one act, one draft).
    #expect(try stems("et", ["määrus", "määrused"]).count == 2)
    #expect(try stems("et", ["eelnõu", "eelnõud"]).count == 2)
    #expect(try stems("et", ["otsus", "otsa"]).count == 2)
  }

  @Test func englishAndRussianInflectionsMeet() throws {
    #expect(try stems("en", ["member", "members"]).count == 1)
    #expect(try stems("en", ["recording", "recordings", "recorded", "record"]).count == 1)
    #expect(try stems("ru", ["собрание", "собрания", "собранием", "собраний"]).count == 1)
    #expect(try stems("ru", ["депутат", "депутаты", "депутатов"]).count == 1)
    #expect(Stemmers.stemmer(for: "fi") == nil)
  }

  @Test func aPageGetsItsLanguagesStemmingAndCyrillicWordsTheRussianOne() {
    let stemmings = LanguageStemmings(languages: ["et", "en", "ru", "lv"])
    #expect(stemmings.all.count == 2)
    let english = stemmings.stemming(forPageLanguage: "en-GB")
    #expect(english.latinCode == "en" && english.cyrillicCode == "ru")
    #expect(stemmings.stemming(forPageLanguage: nil).latinCode == "et")
    #expect(stemmings.stemming(forPageLanguage: "ru").latinCode == "et")
    #expect(stemmings.stemming(forPageLanguage: "lv").latinCode == "et")
    #expect(english.stemWords("council members депутаты") == "council member депутат")
    // A language without a stemmer (Finnish) stems nothing; Cyrillic words are still Russian.
    let finnish = LanguageStemmings(languages: ["fi"]).fallback
    #expect(finnish.stemWords("valtuuston депутаты") == "valtuuston депутат")
  }
}
