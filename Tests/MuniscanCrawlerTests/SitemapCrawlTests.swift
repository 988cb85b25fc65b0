import FixtureServer
import Foundation
import MuniscanCore
import Testing

@testable import MuniscanCrawler

/// Sitemaps lead the crawl to pages no link reaches.
@Suite(.timeLimit(.minutes(1))) struct SitemapCrawlTests {
  private func urlSet(_ paths: [String], host: String = "http://www.vald.ee") -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      + paths.map { "<url><loc>\(host)\($0)</loc></url>" }.joined() + "</urlset>"
  }

  private func site(
    robots: String, files: [String: FixtureResponse]
  ) -> @Sendable (FixtureRequest) async -> FixtureResponse {
    CrawlHarness.site(extra: []) { request in
      if request.path == "/robots.txt" { return .text(robots) }
      if request.path == "/orb" { return CrawlHarness.page("Orb") }
      return files[request.path]
    }
  }

  @Test func robotsTxtSitemapIndexAndGzipLeadToAnOrphanPage() async throws {
    // The sitemaps name the site without its port, as real ones name http:// for an https
    // site: on-site URLs are fetched from the home page's origin.
    let index =
      "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      + "<sitemap><loc>http://vald.ee/lehed.xml.gz</loc></sitemap></sitemapindex>"
    let pages = FixtureGzip.compress(Array(urlSet(["/a", "/orb", "/fail.pdf"]).utf8))
    let run = try await CrawlHarness.crawl(
      handler: site(
        robots: "User-agent: *\nAllow: /\nSitemap: http://www.vald.ee/indeks.xml\n",
        files: [
          "/indeks.xml": .text(index, contentType: "application/xml"),
          "/lehed.xml.gz": .ok(body: pages, contentType: "application/gzip"),
        ]))
    #expect(run.page("/orb")?.title == "Orb")
    #expect(run.page("/orb")?.depth == 1)
    #expect(run.page("/a")?.depth == 1)
    #expect(run.requests(for: "/sitemap.xml").count == 1)
    #expect(run.requests(for: "/fail.pdf").isEmpty)
    #expect(run.crawl.problems.isEmpty)
  }

  @Test func sitemapXMLIsTriedWhenRobotsTxtNamesNone() async throws {
    let run = try await CrawlHarness.crawl(
      handler: site(
        robots: "", files: ["/sitemap.xml": .text(urlSet(["/orb"]), contentType: "text/xml")]))
    #expect(run.page("/orb")?.title == "Orb")
  }

  @Test func offSiteAndBrokenSitemapsAreSkipped() async throws {
    let run = try await CrawlHarness.crawl(
      handler: site(
        robots: "Sitemap: http://www.vald.ee/puudub.xml\nSitemap: https://muu.ee/sitemap.xml\n",
        files: [
          "/sitemap.xml": .text(urlSet(["/orb"], host: "https://muu.ee"), contentType: "text/xml")
        ]))
    #expect(run.page("/orb") == nil)
    #expect(run.problems(mentioning: "/puudub.xml: sitemap answered 404").count == 1)
    #expect(run.crawl.pages.count == 3)
  }

  @Test func aSitemapThatRobotsTxtDisallowsIsNotFetched() async throws {
    let run = try await CrawlHarness.crawl(
      handler: site(
        robots: "User-agent: *\nDisallow: /kaardid/\nSitemap: http://www.vald.ee/kaardid/s.xml\n",
        files: ["/kaardid/s.xml": .text(urlSet(["/orb"]), contentType: "text/xml")]))
    #expect(run.requests(for: "/kaardid/s.xml").isEmpty)
    #expect(run.page("/orb") == nil)
    #expect(run.problems(mentioning: "/kaardid/s.xml: sitemap disallowed by robots.txt").count == 1)
  }

  @Test func sitemapPagesCountAgainstMaxPages() async throws {
    let many = (1...40).map { "/s\($0)" }
    let run = try await CrawlHarness.crawl(
      options: CrawlHarness.options(maxPages: 10),
      handler: CrawlHarness.site(extra: []) { request in
        if request.path == "/sitemap.xml" {
          return .text(self.urlSet(many), contentType: "text/xml")
        }
        return request.path.hasPrefix("/s") ? CrawlHarness.page("S") : nil
      })
    #expect(run.crawl.pages.count == 10)
    #expect(run.requests.filter { $0.path.hasPrefix("/s") && $0.path != "/sitemap.xml" }.count == 7)
  }
}
