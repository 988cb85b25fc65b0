import FixtureServer
import Foundation
import MuniscanCore
import Testing

@testable import MuniscanCrawler

/// robots.txt before anything else of a host (RFC 9309 § 2.3.1): the first request to every
/// host is its robots.txt; 4xx allows everything; 5xx (after retries) or a `Disallow: /`
/// closes the site with nothing else fetched; a redirect to another host waits for that host's
/// robots.txt; robots.txt's own redirects are followed up to five hops.
@Suite(.timeLimit(.minutes(1))) struct RobotsFirstTests {
  /// `host target` of every request, in the order the server saw them.
  private func log(_ run: CrawlHarness.Run) -> [String] {
    run.requests.map { "\($0.host) \($0.target)" }
  }

  /// The first request the server saw for each host.
  private func firstRequests(_ run: CrawlHarness.Run) -> [String: String] {
    var first: [String: String] = [:]
    for request in run.requests where first[request.host] == nil {
      first[request.host] = request.target
    }
    return first
  }

  @Test func theFirstRequestToEveryHostIsItsRobotsTxt() async throws {
    let run = try await CrawlHarness.crawl { request in
      guard request.path == "/" else { return CrawlHarness.page("Leht") }
      let port = request.headers["host"]?.split(separator: ":").last ?? ""
      return CrawlHarness.page("Avaleht", links: ["http://vald.ee:\(port)/paljas", "/www"])
    }
    #expect(run.crawl.outcome == .crawled)
    #expect(run.crawl.pages.count == 3)
    #expect(firstRequests(run) == ["www.vald.ee": "/robots.txt", "vald.ee": "/robots.txt"])
    #expect(run.requests(for: "/robots.txt").count == 2)
  }

  @Test func robotsTxtAnswering404AllowsEverything() async throws {
    let run = try await CrawlHarness.crawl(
      handler: CrawlHarness.site(extra: []) { _ in nil })
    #expect(run.crawl.outcome == .crawled)
    #expect(run.crawl.pages.count == 3)
    #expect(log(run).prefix(2) == ["www.vald.ee /robots.txt", "www.vald.ee /"])
  }

  @Test func robotsTxtAnswering503AfterRetriesClosesTheSite() async throws {
    let run = try await CrawlHarness.crawl(
      handler: CrawlHarness.site(extra: []) { request in
        request.path == "/robots.txt" ? .status(503) : nil
      })
    #expect(run.crawl.outcome == .closedByRobots(reason: "robots.txt unreachable (HTTP 503)"))
    #expect(log(run) == Array(repeating: "www.vald.ee /robots.txt", count: 3))
    #expect(run.crawl.pages.isEmpty)
  }

  @Test func robotsTxtDisallowingEverythingClosesTheSite() async throws {
    let run = try await CrawlHarness.crawl(
      handler: CrawlHarness.site(extra: []) { request in
        request.path == "/robots.txt" ? .text("User-agent: *\nDisallow: /\n") : nil
      })
    #expect(run.crawl.outcome == .closedByRobots(reason: "robots.txt disallows crawling"))
    #expect(log(run) == ["www.vald.ee /robots.txt"])
  }

  @Test func aHomePageRedirectingToWwwWaitsForWwwsRobotsTxt() async throws {
    let run = try await CrawlHarness.crawl(bare: true) { request in
      let port = request.headers["host"]?.split(separator: ":").last ?? ""
      switch (request.host, request.path) {
      case ("vald.ee", "/"): return .redirect(to: "http://www.vald.ee:\(port)/")
      case ("www.vald.ee", "/"): return CrawlHarness.page("Avaleht", links: ["/a"])
      case (_, "/robots.txt"): return .notFound
      default: return CrawlHarness.page("Leht A")
      }
    }
    #expect(run.crawl.outcome == .crawled)
    #expect(
      log(run) == [
        "vald.ee /robots.txt", "vald.ee /", "www.vald.ee /robots.txt", "www.vald.ee /",
        "www.vald.ee /sitemap.xml", "www.vald.ee /a",
      ])
  }

  @Test func aRedirectToAHostWhoseRobotsTxtDisallowsClosesTheSite() async throws {
    let run = try await CrawlHarness.crawl(bare: true) { request in
      let port = request.headers["host"]?.split(separator: ":").last ?? ""
      switch (request.host, request.path) {
      case ("vald.ee", "/"): return .redirect(to: "http://www.vald.ee:\(port)/")
      case ("www.vald.ee", "/robots.txt"): return .text("User-agent: *\nDisallow: /\n")
      case (_, "/robots.txt"): return .notFound
      default: return CrawlHarness.page("Avaleht")
      }
    }
    #expect(run.crawl.outcome == .closedByRobots(reason: "robots.txt disallows crawling"))
    #expect(log(run) == ["vald.ee /robots.txt", "vald.ee /", "www.vald.ee /robots.txt"])
  }

  @Test func eachHostsRobotsTxtGovernsItsOwnPages() async throws {
    let run = try await CrawlHarness.crawl { request in
      let port = request.headers["host"]?.split(separator: ":").last ?? ""
      switch (request.host, request.path) {
      case ("vald.ee", "/robots.txt"): return .status(503)
      case ("www.vald.ee", "/robots.txt"): return .text("User-agent: *\nDisallow: /salajane\n")
      case (_, "/"):
        let links = ["http://vald.ee:\(port)/paljas", "/salajane", "/a"]
        return CrawlHarness.page("Avaleht", links: links)
      default: return CrawlHarness.page("Leht")
      }
    }
    #expect(run.crawl.outcome == .crawled)
    #expect(
      run.requests.filter { $0.host == "vald.ee" }.map(\.target)
        == Array(repeating: "/robots.txt", count: 3))
    #expect(run.requests(for: "/salajane").isEmpty)
    #expect(run.crawl.stats.robotsExcluded == 2)
    let unreachable = run.problems(
      mentioning: "skipped 1 URL: robots.txt unreachable (HTTP 503) (e.g. http://vald.ee:")
    #expect(unreachable.count == 1 && unreachable[0].hasSuffix("/paljas)"), "\(run.crawl.problems)")
    let disallowed = run.problems(
      mentioning: "skipped 1 URL: disallowed by robots.txt (e.g. http://www.vald.ee:")
    #expect(disallowed.count == 1 && disallowed[0].hasSuffix("/salajane)"), "\(run.crawl.problems)")
    #expect(run.page("/a") != nil)
  }

  @Test func aRedirectIntoADisallowedPathIsNotFollowed() async throws {
    let run = try await CrawlHarness.crawl(
      handler: CrawlHarness.site(extra: ["/vana"]) { request in
        switch request.path {
        case "/robots.txt": return .text("User-agent: *\nDisallow: /salajane\n")
        case "/vana": return .redirect(to: "/salajane/uus")
        default: return nil
        }
      })
    #expect(run.requests(for: "/vana").count == 1)
    #expect(run.requests(for: "/salajane/uus").isEmpty)
    #expect(run.crawl.pages.count == 3)
  }

  @Test func aRobotsTxtRedirectingToAnotherHostsIsTheirsToo() async throws {
    // vald.ee's robots.txt redirects to www.vald.ee's: read once, it serves both hosts.
    let run = try await CrawlHarness.crawl(bare: true) { request in
      let port = request.headers["host"]?.split(separator: ":").last ?? ""
      switch (request.host, request.path) {
      case ("vald.ee", "/robots.txt"): return .redirect(to: "http://www.vald.ee:\(port)/robots.txt")
      case ("vald.ee", _): return .redirect(to: "http://www.vald.ee:\(port)\(request.path)")
      case (_, "/robots.txt"): return .text("User-agent: *\nDisallow: /salajane\n")
      case (_, "/"): return CrawlHarness.page("Avaleht", links: ["/salajane", "/a"])
      default: return CrawlHarness.page("Leht")
      }
    }
    #expect(run.crawl.outcome == .crawled)
    #expect(
      log(run).prefix(4) == [
        "vald.ee /robots.txt", "www.vald.ee /robots.txt", "vald.ee /", "www.vald.ee /",
      ])
    #expect(run.requests(for: "/robots.txt").count == 2)
    #expect(run.requests(for: "/salajane").isEmpty)
  }

  @Test func aRobotsTxtRedirectingToOneReadAlreadyIsNotAskedForAgain() async throws {
    let run = try await CrawlHarness.crawl { request in
      let port = request.headers["host"]?.split(separator: ":").last ?? ""
      switch (request.host, request.path) {
      case ("vald.ee", "/robots.txt"): return .redirect(to: "http://www.vald.ee:\(port)/robots.txt")
      case (_, "/robots.txt"): return .text("User-agent: *\nDisallow: /salajane\n")
      case (_, "/"):
        return CrawlHarness.page(
          "Avaleht", links: ["http://vald.ee:\(port)/paljas", "http://vald.ee:\(port)/salajane"])
      default: return CrawlHarness.page("Leht")
      }
    }
    #expect(
      run.requests.filter { $0.host == "vald.ee" }.map(\.target) == ["/robots.txt", "/paljas"])
    #expect(run.requests.filter { $0.host == "www.vald.ee" && $0.path == "/robots.txt" }.count == 1)
    #expect(run.page("/paljas") != nil)
  }

  @Test(arguments: [5, 6])
  func robotsTxtRedirectsAreFollowedUpToFiveHops(hops: Int) async throws {
    let run = try await CrawlHarness.crawl(
      handler: CrawlHarness.site(extra: []) { request in
        guard request.path.hasPrefix("/robots") else { return nil }
        let hop = Int(request.path.dropFirst("/robots".count).prefix { $0.isNumber }) ?? 0
        if hop < hops { return .redirect(to: "/robots\(hop + 1).txt") }
        return .text("User-agent: *\nDisallow: /\n")
      })
    let robots = Array(log(run).prefix { $0.contains("/robots") })
    if hops == 5 {
      // Six requests: robots.txt and five redirects, the last of which holds the rules.
      #expect(run.crawl.outcome == .closedByRobots(reason: "robots.txt disallows crawling"))
      #expect(robots.count == 6 && log(run).count == 6)
    } else {
      // A sixth redirect is not followed: robots.txt counts as unavailable, which allows all.
      #expect(run.crawl.outcome == .crawled)
      #expect(robots.count == 6)
      #expect(log(run)[6] == "www.vald.ee /")
    }
  }
}
