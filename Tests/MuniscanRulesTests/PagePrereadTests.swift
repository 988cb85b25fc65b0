import MuniscanCore
import Testing

@testable import MuniscanRules

/// A page read ahead (as a live crawl reads it, while its site is crawled) is judged from what
/// was read, and to the same findings as a page read when judged.
@Suite struct PagePrereadTests {
  static let asOf = Day(iso: "2026-11-20")!

  func crawl(_ pages: [PageFacts], readAhead evaluator: Evaluator? = nil) -> SiteCrawl {
    SiteCrawl(
      site: Site(name: "Test vald", url: "https://www.test.ee/"), outcome: .crawled,
      finalURL: "https://www.test.ee/", pages: pages,
      prereads: evaluator.map { evaluator in pages.map(evaluator.preread) } ?? [])
  }

  /// Pages as dense with the shipped rules' words as municipal pages are, in three languages,
  /// with dates, phones, party names and statements naming official systems.
  static let pages: [PageFacts] = {
    let paragraphs = [
      "Volikogu istung toimub 12.03.2026 kell 15.00 vallamajas. Istungi protokoll avaldatakse.",
      "Vallavolikogu koosseis: Mari Maasikas (Eesti Keskerakond), Jaan Tamm (Isamaa), "
        + "Peeter Kask (valimisliit Meie Vald), Liis Lepp (Eesti Reformierakond).",
      "Valla eelarve 2026 ja eelarve täitmine. Lisaeelarve eelnõu on avalikul väljapanekul.",
      "Volikogu määrused on avaldatud Riigi Teatajas. Protokollid on kättesaadavad "
        + "dokumendiregistris.",
      "Toetuste taotlemise kord: mittetulundusühingute toetamine ja huvitegevuse toetus.",
      "Kontakt: vallavalitsus, tel +372 555 1234, e-post vald@test.ee. Vallavanem võtab vastu.",
      "Заседание волостного собрания 12 марта 2026 года. Бюджет волости на 2026 год.",
      "Council meeting minutes and the budget for 2026. Contact the rural municipality.",
      "Uudised: 3. märtsil 2026 kogunes volikogu. Eelarvestrateegia arutelu jätkub.",
    ]
    return (0..<12).map { index in
      let text = (0..<6).map { paragraphs[(index * 5 + $0 * 7) % paragraphs.count] }
        .joined(separator: "\n")
      return PageFacts(
        url: "https://www.test.ee/leht/\(index)", depth: index == 0 ? 0 : 1,
        title: "Leht \(index)", lang: index % 4 == 3 ? "ru" : "et",
        headings: [Heading(level: 1, text: index % 2 == 0 ? "Volikogu" : "Eelarve")],
        links: [
          Link(text: "Volikogu", url: "https://www.test.ee/volikogu", region: .nav),
          Link(text: "Volikogu istungid", url: "https://www.test.ee/istungid", region: .main),
        ],
        documents: [
          DocumentLink(
            url: "https://www.test.ee/eelarve-2026.pdf", text: "Valla 2026. aasta eelarve",
            type: "pdf"),
          DocumentLink(
            url: "https://www.test.ee/protokoll-\(index).pdf",
            text: "Volikogu istungi protokoll 12.03.2026", type: "pdf"),
        ],
        text: text)
    }
  }()

  @Test func theShippedRulesJudgeAPageReadAheadAsOneReadNow() throws {
    let estonian = Evaluator(ruleSet: try ShippedLocalesTests.load("ee"))
    #expect(
      estonian.evaluate(crawl(Self.pages), asOf: Self.asOf).findings.contains { $0.status == .pass }
    )
    for name in ["ee", "en-generic", "fi-generic"] {
      let evaluator = Evaluator(ruleSet: try ShippedLocalesTests.load(name))
      let now = evaluator.evaluate(crawl(Self.pages), asOf: Self.asOf)
      let ahead = evaluator.evaluate(crawl(Self.pages, readAhead: evaluator), asOf: Self.asOf)
      #expect(ahead == now, "\(name)")
    }
  }

  /// Judging reads the phrases read ahead, not the text again: what was read in one text,
  /// given as another's of the same length, passes that other.
  @Test func judgingTakesWhatWasReadAhead() throws {
    let rules = [
      EvaluatorTests().rule("council.a", match: .of(TextTest(words: [Phrase("volikogu")!]))),
      EvaluatorTests().rule("council.b", match: .of(TextTest(words: [Phrase("istung*")!]))),
    ]
    let evaluator = Evaluator(ruleSet: EvaluatorTests().ruleSet(rules))
    let read = PageFacts(url: "https://www.test.ee/", text: "Volikogu istung")
    let judged = PageFacts(url: "https://www.test.ee/", text: "Kalad ja lindud")
    var site = crawl([judged])
    #expect(evaluator.evaluate(site, asOf: Self.asOf).findings.map(\.status) == [.fail, .fail])
    site.prereads = [evaluator.preread(read)]
    let result = evaluator.evaluate(site, asOf: Self.asOf)
    #expect(result.findings.map(\.status) == [.pass, .pass])
    #expect(result.findings[1].evidence.first?.snippet.contains("lindud") == true)
  }

  @Test func aReadingComesBackFromItsBytes() throws {
    let evaluator = Evaluator(ruleSet: try ShippedLocalesTests.load("ee"))
    let readings = try Self.pages.map { page in
      let bytes = evaluator.preread(page)
      let reading = try #require(PagePreread(bytes: bytes, textLength: page.text.utf8.count))
      #expect(reading.bytes == bytes)
      return reading
    }
    #expect(readings.allSatisfy { !$0.phrases.isEmpty })
  }

  /// Bytes that are not a reading of the page (cut short, an offset past its text, a bad
  /// number) are no reading: the page is then read when judged, to the same findings.
  @Test func bytesThatAreNoReadingAreReadAgain() throws {
    let evaluator = Evaluator(ruleSet: try ShippedLocalesTests.load("ee"))
    let page = Self.pages[1]
    let bytes = evaluator.preread(page)
    let length = page.text.utf8.count
    #expect(PagePreread(bytes: Array(bytes.dropLast()), textLength: length) == nil)
    #expect(PagePreread(bytes: bytes + [0], textLength: length) == nil)
    #expect(PagePreread(bytes: bytes, textLength: 3) == nil)
    #expect(PagePreread(bytes: [0xFF, 0xFF, 0xFF], textLength: length) == nil)
    #expect(PagePreread(bytes: [], textLength: length) == nil)
    let now = evaluator.evaluate(crawl([page]), asOf: Self.asOf)
    var damaged = crawl([page])
    damaged.prereads = [Array(bytes.prefix(bytes.count / 2))]
    #expect(evaluator.evaluate(damaged, asOf: Self.asOf) == now)
  }

  /// An error answer is never judged, so nothing is read in it ahead.
  @Test func anErrorPageIsNotReadAhead() throws {
    let evaluator = Evaluator(ruleSet: try ShippedLocalesTests.load("ee"))
    #expect(evaluator.preread(PageFacts(url: "https://www.test.ee/x", status: 404)).isEmpty)
  }
}
