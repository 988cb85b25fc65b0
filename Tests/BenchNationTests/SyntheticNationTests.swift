import BenchNation
import FixtureServer
import Foundation
import MuniscanCore
import MuniscanHTML
import MuniscanRules
import MuniscanTestSupport
import Testing

/// The benchmarks' synthetic nation: pages of realistic size, the same on every run, every page
/// reachable from the home page (directly in the plain corpus, through one redirect in the dense
/// one), and dense pages that give every default rule its evidence on some site.
@Suite struct SyntheticNationTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  @Test(arguments: Corpus.allCases) func pagesAreDeterministicAndOfRealisticSize(corpus: Corpus) {
    let nation = SyntheticNation(sites: 2, pages: 40, corpus: corpus)
    for page in 0..<nation.pages {
      let html = nation.html(site: 1, page: page)
      #expect((25_000...50_000).contains(html.count), "page \(page): \(html.count) bytes")
      #expect(html == nation.html(site: 1, page: page))
    }
  }

  /// Follows every link within the site from the home page, as a crawler would.
  @Test(arguments: Corpus.allCases) func everyPageIsReachedFromTheHomePage(corpus: Corpus) {
    let nation = SyntheticNation(sites: 1, pages: 40, corpus: corpus)
    func get(_ path: String) -> FixtureResponse {
      nation.respond(to: FixtureRequest(host: SyntheticNation.address(of: 0), target: path))
    }
    var reached: Set<String> = ["/"]
    var queue = ["/"]
    while let path = queue.popLast() {
      guard case .ok(let body, _, _) = get(path) else {
        Issue.record("\(path) does not answer 200")
        continue
      }
      for match in String(decoding: body, as: UTF8.self).matches(of: #/href="(/[^"]*)"/#) {
        let link = String(match.output.1)
        guard !link.hasPrefix("/o/"), !link.hasPrefix("/documents/"), !link.hasPrefix("/otsing")
        else { continue }
        var page = link
        if corpus == .dense, link != "/" {
          guard case .status(301, _, let headers) = get(link),
            let location = headers.first(where: { $0.0 == "Location" })?.1
          else {
            Issue.record("\(link), linked from \(path), does not redirect")
            continue
          }
          page = location
        }
        if reached.insert(page).inserted { queue.append(page) }
      }
    }
    #expect(reached.count == nation.pages)
  }

  @Test func plainPagesAnswerNoFolders() {
    let nation = SyntheticNation(sites: 1, pages: 40, corpus: .plain)
    let request = FixtureRequest(host: SyntheticNation.address(of: 0), target: "/volikogu/")
    guard case .status(404, _, _) = nation.respond(to: request) else {
      Issue.record("/volikogu/ answers on the plain corpus")
      return
    }
  }

  /// Each dense site lacks the evidence of a third of its sections, a different third on each
  /// of three sites: no site passes every criterion, and every criterion but HTTPS (the nation
  /// is served over HTTP) passes on one of them at least.
  @Test func denseSitesGiveEveryDefaultRuleItsEvidenceSomewhere() throws {
    let nation = SyntheticNation(sites: 3, pages: 40, corpus: .dense)
    let ruleSet = try RuleSetLoader.load(
      directory: Self.repository + "/rules/ee", locales: TemporaryRuleSet.locales)
    let analyzer = try PageAnalyzer(queries: ruleSet.queries.map(\.query), locale: ruleSet.locale)
    let evaluator = Evaluator(ruleSet: ruleSet)
    var passedSomewhere: Set<String> = []
    for site in 0..<nation.sites {
      let pages = (0..<nation.pages).map { page in
        analyzer.analyze(
          PageInput(
            url: nation.url(site: site, page: page), depth: page == 0 ? 0 : 1,
            headers: ["content-type": "text/html; charset=utf-8"],
            body: nation.html(site: site, page: page)))
      }
      let home = nation.url(site: site, page: 0)
      let crawl = SiteCrawl(
        site: Site(name: "Vald \(site + 1)", url: home), outcome: .crawled, finalURL: home,
        pages: pages)
      let passed = evaluator.evaluate(crawl, asOf: Day(iso: "2026-11-20")!).findings
        .filter { $0.status == .pass }.map(\.ruleID)
      #expect(passed.count < ruleSet.rules.count - 1, "site \(site) lacks nothing")
      passedSomewhere.formUnion(passed)
    }
    let neverPassed = ruleSet.rules.map(\.id).filter {
      !passedSomewhere.contains($0) && $0 != "site.https"
    }
    #expect(neverPassed.isEmpty, "\(neverPassed)")
  }
}
