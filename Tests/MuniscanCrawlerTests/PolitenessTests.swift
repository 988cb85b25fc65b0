import FixtureServer
import Foundation
import MuniscanCore
import Testing

@testable import MuniscanCrawler

/// Per-host politeness: requests to a site start `delay` apart, with one (or, when asked, two)
/// in flight, `www.` and the bare domain counting as one host; a failing site is given up
/// without holding up the others.
@Suite(.timeLimit(.minutes(1))) struct PolitenessTests {
  /// Ten pages answered after `answerDelay` seconds, counting requests in flight.
  private func slowSite(inFlight: Counter, answerDelay: Double)
    -> @Sendable (FixtureRequest) async -> FixtureResponse
  {
    { request in
      inFlight.add(1)
      defer { inFlight.add(-1) }
      try? await Task.sleep(for: .milliseconds(Int(answerDelay * 1000)))
      guard request.path == "/" else { return CrawlHarness.page("Leht \(request.path)") }
      return CrawlHarness.page("Avaleht", links: (1...9).map { "/leht\($0)" })
    }
  }

  /// Seconds between the starts of consecutive requests, as the crawler handed them to the
  /// HTTP client (where the server sees them, scheduling on a loaded machine adds noise).
  private func gaps(_ starts: [(url: String, at: Double)]) -> [Double] {
    let times = starts.map(\.at).sorted()
    return zip(times.dropFirst(), times).map { $0 - $1 }
  }

  @Test func oneConnectionWaitsForEachAnswerAndTheDelay() async throws {
    let inFlight = Counter()
    let run = try await CrawlHarness.crawl(
      options: CrawlHarness.options(delay: 0.1),
      handler: slowSite(inFlight: inFlight, answerDelay: 0.15))
    #expect(run.crawl.pages.count == 10)
    #expect(inFlight.peak == 1)
    #expect(gaps(run.starts).allSatisfy { $0 >= 0.14 })
  }

  @Test func twoConnectionsOverlapButStartsStayDelayApart() async throws {
    let inFlight = Counter()
    let run = try await CrawlHarness.crawl(
      options: CrawlHarness.options(delay: 0.2, connectionsPerHost: 2),
      handler: slowSite(inFlight: inFlight, answerDelay: 0.4))
    #expect(run.crawl.pages.count == 10)
    #expect(inFlight.peak == 2)
    let pageGaps = gaps(run.starts.filter { $0.url.contains("/leht") })
    #expect(pageGaps.allSatisfy { $0 >= 0.19 })
    #expect(pageGaps.contains { $0 < 0.35 })
  }

  @Test func wwwAndTheBareDomainShareOneDelay() async throws {
    let run = try await CrawlHarness.crawl(options: CrawlHarness.options(delay: 0.3)) { request in
      guard request.path == "/" else { return CrawlHarness.page("Leht") }
      let port = request.headers["host"]?.split(separator: ":").last ?? ""
      let links = (1...3).flatMap { ["http://vald.ee:\(port)/paljas\($0)", "/www\($0)"] }
      return CrawlHarness.page("Avaleht", links: links)
    }
    #expect(Set(run.requests.map(\.host)) == ["vald.ee", "www.vald.ee"])
    #expect(run.crawl.pages.count == 7)
    #expect(gaps(run.starts).allSatisfy { $0 >= 0.29 })
  }

  @Test func crawlDelayFromRobotsTxtSlowsTheSite() async throws {
    let run = try await CrawlHarness.crawl { request in
      switch request.path {
      case "/robots.txt": return .text("User-agent: *\nCrawl-delay: 0.3\n")
      case "/": return CrawlHarness.page("Avaleht", links: ["/a", "/b"])
      default: return CrawlHarness.page("Leht")
      }
    }
    let pages = run.starts.filter { $0.url.hasSuffix("/a") || $0.url.hasSuffix("/b") }
    #expect(pages.count == 2)
    #expect(gaps(pages).allSatisfy { $0 >= 0.29 })
  }

  @Test func aFailingSiteIsGivenUpAndTheOthersGoOn() async throws {
    let runs = try await CrawlHarness.crawlNation(
      options: CrawlHarness.options(maxAttempts: 2, maxConsecutiveFailures: 3),
      sites: ["katki.ee", "terve.ee"]
    ) { request in
      if request.path == "/" {
        return CrawlHarness.page("Avaleht", links: (1...20).map { "/leht\($0)" })
      }
      if request.host.hasSuffix("katki.ee"), request.path.hasPrefix("/leht") { return .status(503) }
      return CrawlHarness.page("Leht")
    }
    let broken = try #require(runs.first { $0.crawl.site.name == "katki.ee" })
    let healthy = try #require(runs.first { $0.crawl.site.name == "terve.ee" })
    #expect(broken.crawl.outcome == .crawled)
    #expect(broken.crawl.problems.contains("gave up after 3 consecutive failures"))
    #expect(broken.requests.filter { $0.path.hasPrefix("/leht") }.count == 3 * 2)
    #expect(healthy.crawl.pages.count == 21)
    #expect(healthy.crawl.problems.allSatisfy { !$0.contains("gave up") })
  }

  @Test func sitesStartedTogetherGoInTwoGroupsOneDelayApart() async throws {
    let sites = ["yks.ee", "kaks.ee", "kolm.ee", "neli.ee"]
    let runs = try await CrawlHarness.crawlNation(
      options: CrawlHarness.options(delay: 0.2), sites: sites
    ) { _ in CrawlHarness.page("Avaleht") }
    for (index, site) in sites.enumerated() where index % 2 == 1 {
      let run = try #require(runs.first { $0.crawl.site.name == site })
      #expect(run.crawl.pages.count == 1)
      // The clock starts before the crawl; no sleeper is woken before its time.
      let first = try #require(run.starts.map(\.at).min())
      #expect(first >= 0.2, "\(site) started at \(first) s")
    }
  }

  @Test func everySecondSiteWaitsOneDelayAndNoneWhenThereIsNoDelayOrOneSite() {
    let waits = (0..<4).map { NationCrawler.firstRequestWait(ofSite: $0, among: 4, delay: 0.2) }
    #expect(waits == [.zero, .milliseconds(200), .zero, .milliseconds(200)])
    #expect(NationCrawler.firstRequestWait(ofSite: 3, among: 4, delay: 0) == .zero)
    #expect(NationCrawler.firstRequestWait(ofSite: 0, among: 1, delay: 1) == .zero)
  }

  @Test func aSiteWhoseHomePageNeverAnswersIsUnreachable() async throws {
    let runs = try await CrawlHarness.crawlNation(sites: ["kadunud.ee", "terve.ee"]) { request in
      if request.host.hasSuffix("kadunud.ee") { return .reset }
      return CrawlHarness.page("Avaleht")
    }
    let lost = try #require(runs.first { $0.crawl.site.name == "kadunud.ee" })
    guard case .unreachable(let reason) = lost.crawl.outcome else {
      Issue.record("expected unreachable, got \(lost.crawl.outcome)")
      return
    }
    #expect(reason.contains("www.kadunud.ee"))
    #expect(lost.requests.count == 3)
    #expect(runs.first { $0.crawl.site.name == "terve.ee" }?.crawl.pages.count == 1)
  }
}
