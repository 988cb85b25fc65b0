import MuniscanCore
import Testing

@testable import MuniscanRules

/// Sites judged one after another share their stem caches (``StemCaches``), and no verdict,
/// snippet or offset depends on which sites were judged before, nor on what was kept.
@Suite struct StemCachesTests {
  let evaluatorTests = EvaluatorTests()

  /// A site whose pages are in Estonian, Russian and English, its texts sharing their first
  /// words (menus) as a real site's do, with words of `site` its own.
  func crawl(of site: Int) -> SiteCrawl {
    let home = "https://vald\(site).ee/"
    let menu = "Avaleht Volikogu Eelarve Kontakt Vald \(site) "
    let texts: [(lang: String, text: String)] = [
      ("et", menu + "Volikogu istungite protokollid ja eelnõud. Vallaeelarve 2026 on kinnitatud."),
      ("et", menu + "Noortevolikogu liikmed: Mari Maasikas, Jüri Juurikas. Toetuste taotlemine."),
      ("ru", "Главная Собрание Бюджет Контакты протоколы заседаний собрания волости \(site)"),
      ("en", "Home Council Budget Contact the council minutes and the budget of parish \(site)"),
      ("et", menu + "Teenused: sotsiaaltoetused, huvihariduse toetus, kaasav eelarve \(site)."),
    ]
    let pages = texts.enumerated().map { index, page in
      PageFacts(
        url: home + (index == 0 ? "" : "leht\(index)"), depth: index == 0 ? 0 : 1,
        title: "Vald \(site) leht \(index)", lang: page.lang,
        headings: [Heading(level: 1, text: index.isMultiple(of: 2) ? "Volikogu" : "Teenused")],
        links: [
          Link(text: "Volikogu protokollid", url: home + "leht1", region: .nav),
          Link(text: "Eelarve \(site)", url: home + "leht2", region: .nav),
        ],
        text: page.text)
    }
    return SiteCrawl(
      site: Site(name: "Vald \(site)", url: home), outcome: .crawled, finalURL: home,
      pages: pages)
  }

  var ruleSet: RuleSet {
    let phrases = { (words: [String]) in words.compactMap(Phrase.init) }
    return evaluatorTests.ruleSet([
      evaluatorTests.rule(
        "council.minutes", match: .of(TextTest(words: phrases(["volikogu protokoll*"])))),
      evaluatorTests.rule(
        "council.budget", match: .of(TextTest(words: phrases(["eelarve", "бюджет", "budget"])))),
      evaluatorTests.rule(
        "council.youth", match: .of(TextTest(words: phrases(["*volikogu liikmed"])))),
      evaluatorTests.rule(
        "council.grants", match: .of(TextTest(words: phrases(["toetus", "*toetus"])))),
      evaluatorTests.rule(
        "council.heading", match: .of(HeadingTest(words: phrases(["volikogu"])))),
      evaluatorTests.rule(
        "council.link", match: .of(LinkTest(text: phrases(["eelarve"])))),
    ])
  }

  @Test func sitesJudgedInTurnGetTheVerdictsOfSitesJudgedAlone() {
    let ruleSet = ruleSet
    let shared = Evaluator(ruleSet: ruleSet)
    // Each site after others (twice over, so caches handed on hold its own words too), and
    // each alone with a rule set compiled for it.
    for site in [0, 1, 2, 1, 0, 3] {
      let inTurn = shared.evaluate(crawl(of: site), asOf: EvaluatorTests.asOf)
      let alone = Evaluator(ruleSet: ruleSet).evaluate(crawl(of: site), asOf: EvaluatorTests.asOf)
      #expect(inTurn == alone, "site \(site)")
      #expect(inTurn.findings.contains { $0.status == .pass }, "site \(site) passes something")
    }
  }

  @Test func handingOnForgetsTheLastPageAndDropsAGrownCache() {
    let matcher = PhraseMatcher(phrases: [Phrase("volikogu")!], stemmings: [.none])
    let caches = StemCaches(matcher: matcher)
    let small = caches.cache(for: .none)
    _ = matcher.occurrences(inText: "volikogu istung", stems: small, pageText: true)
    #expect(small.lastPageText != nil)
    caches.handOver()
    #expect(caches.cache(for: .none) === small, "a small cache is handed on")
    #expect(small.lastPageText == nil, "another site's page is not kept")
    let words = (0...StemCaches.keptWords).map { "sona\($0)" }.joined(separator: " ")
    _ = matcher.occurrences(inText: words, stems: small)
    caches.handOver()
    #expect(caches.cache(for: .none) !== small, "a cache grown past the limit is dropped")
  }
}
