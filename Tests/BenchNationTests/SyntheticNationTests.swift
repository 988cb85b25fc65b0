import BenchNation
import FixtureServer
import Foundation
import MuniscanCore
import MuniscanHTML
import MuniscanRules
import Testing

/// The benchmarks' synthetic nation: pages of realistic size, the same on every run, every page
/// reachable from the home page (directly in the plain corpus, through one redirect in the dense
/// one), and dense pages that give every default rule its evidence.
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

  /// Every criterion but HTTPS (the nation is served over HTTP) passes on a dense site.
  @Test func denseSitesGiveEveryDefaultRuleItsEvidence() throws {
    let nation = SyntheticNation(sites: 1, pages: 40, corpus: .dense)
    let ruleSet = try RuleSetLoader.load(directory: Self.repository + "/rules/ee")
    let analyzer = try PageAnalyzer(queries: ruleSet.queries.map(\.query))
    let pages = (0..<nation.pages).map { page in
      analyzer.analyze(
        PageInput(
          url: nation.url(site: 0, page: page), depth: page == 0 ? 0 : 1,
          headers: ["content-type": "text/html; charset=utf-8"],
          body: nation.html(site: 0, page: page)))
    }
    let home = nation.url(site: 0, page: 0)
    let crawl = SiteCrawl(
      site: Site(name: "Vald 1", url: home), outcome: .crawled, finalURL: home, pages: pages)
    let result = Evaluator(ruleSet: ruleSet).evaluate(crawl, asOf: Day(iso: "2026-11-20")!)
    let missed = result.findings.filter { $0.status != .pass && $0.ruleID != "site.https" }
    #expect(missed.isEmpty, "\(missed.map { "\($0.ruleID): \($0.status) (\($0.reason))" })")
  }
}
