import FixtureServer
import Foundation
import MuniscanCore
import Testing

@testable import MuniscanCrawler

/// What a crawl follows and what it only records: documents, off-site links, the run's
/// include and exclude patterns, trap-shaped paths. The time limit stops a hang; it is no speed
/// check: in the parallel run on a loaded machine a test of it once took all of a minute.
@Suite(.timeLimit(.minutes(10))) struct ScopeAndDocumentTests {
  private func documentSite() -> @Sendable (FixtureRequest) async -> FixtureResponse {
    CrawlHarness.site(extra: [
      "/failid/eelarve.pdf", "/media/7/download", "https://muu.ee/kava.pdf",
    ]) { request in
      switch request.path {
      case "/failid/eelarve.pdf":
        return .ok(
          body: Array(repeating: 0x25, count: 1234), contentType: "application/pdf",
          headers: [("Last-Modified", "Tue, 03 Nov 2026 10:00:00 GMT")])
      case "/media/7/download":
        return .redirect(to: "/failid/eelarve.pdf")
      default:
        return nil
      }
    }
  }

  @Test func documentsAreRecordedNotDownloaded() async throws {
    let run = try await CrawlHarness.crawl(handler: documentSite())
    let home = try #require(run.page("/"))
    #expect(home.documents.map(\.type).filter { $0 == "pdf" }.count == 2)
    #expect(home.documents.count == 3)
    #expect(home.documents.allSatisfy { $0.size == nil && $0.status == nil })
    #expect(home.links.contains { $0.url == "https://muu.ee/kava.pdf" })
    #expect(
      run.requests.filter { $0.path.hasPrefix("/failid") || $0.path.hasPrefix("/media") }.isEmpty)
  }

  @Test func headDocumentsAsksForSizeTypeAndDate() async throws {
    let run = try await CrawlHarness.crawl(
      options: CrawlHarness.options(headDocuments: true), handler: documentSite())
    let home = try #require(run.page("/"))
    let budget = try #require(home.documents.first { $0.url.hasSuffix("/failid/eelarve.pdf") })
    #expect(budget.status == 200)
    #expect(budget.size == 1234)
    #expect(budget.contentType == "application/pdf")
    #expect(budget.lastModified == Day(iso: "2026-11-03"))
    let media = try #require(home.documents.first { $0.url.hasSuffix("/media/7/download") })
    #expect(media.size == 1234)
    #expect(home.documents.first { $0.url.hasPrefix("https://muu.ee") }?.status == nil)
    let documentRequests = run.requests.filter {
      $0.path.hasPrefix("/failid") || $0.path.hasPrefix("/media")
    }
    #expect(documentRequests.allSatisfy { $0.method == "HEAD" })
    #expect(documentRequests.count == 3)
  }

  @Test func includeAndExcludePatternsChooseThePages() async throws {
    let filter = try URLFilter(include: ["/(et|a)"], exclude: ["/et/vana"])
    let run = try await CrawlHarness.crawl(
      options: CrawlHarness.options(filter: filter),
      handler: CrawlHarness.site(extra: ["/et/uus", "/et/vana", "/en/new"]) { request in
        request.path.count > 2 ? CrawlHarness.page("Leht \(request.path)") : nil
      })
    #expect(run.page("/")?.title == "Avaleht")
    #expect(run.page("/a") != nil)
    #expect(run.page("/et/uus") != nil)
    #expect(run.page("/b") == nil)
    #expect(run.page("/et/vana") == nil)
    #expect(run.page("/en/new") == nil)
    #expect(run.crawl.problems.isEmpty)
  }

  @Test func pathsRepeatingASegmentAreSkippedAsTraps() async throws {
    let run = try await CrawlHarness.crawl(
      handler: CrawlHarness.site(extra: ["/x/y/x/y/x/y", "/x/y/x/y"]) { request in
        request.path.hasPrefix("/x") ? CrawlHarness.page("X") : nil
      })
    #expect(run.page("/x/y/x/y") != nil)
    #expect(run.requests(for: "/x/y/x/y/x/y").isEmpty)
    #expect(run.problems(mentioning: "skipped 1 URL: a path segment repeated").count == 1)
  }

  @Test func overlongURLsAreSkippedAsTraps() async throws {
    let long = "/" + String(repeating: "pikk-", count: 500)
    let run = try await CrawlHarness.crawl(handler: CrawlHarness.site(extra: [long]) { _ in nil })
    #expect(run.requests(for: long).isEmpty)
    #expect(run.problems(mentioning: "longer than 2000 characters").count == 1)
  }
}
