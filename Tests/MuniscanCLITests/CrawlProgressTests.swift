import Foundation
import MuniscanCore
import Testing

@testable import MuniscanCLI

@Suite struct CrawlProgressTests {
  /// Text written by a progress display.
  final class Output: @unchecked Sendable {
    private let lock = NSLock()
    private var written: [String] = []
    func write(_ text: String) { lock.withLock { written.append(text) } }
    var all: [String] { lock.withLock { written } }
  }

  private func crawl(
    _ name: String, pages: Int, errors: Int, outcome: CrawlOutcome = .crawled,
    gaveUp: Bool = false
  )
    -> SiteCrawl
  {
    SiteCrawl(
      site: Site(name: name, url: "https://\(name.lowercased()).ee/"), outcome: outcome,
      pages: (0..<pages).map { PageFacts(url: "https://x.ee/\($0)") }, gaveUp: gaveUp,
      stats: CrawlStats(
        requests: pages + errors, errors: errors, robotsExcluded: 2, bytes: pages * 30_000))
  }

  @Test func lineCountsSitesPagesErrorsAndEstimatesTimeLeft() async {
    let output = Output()
    let progress = CrawlProgress(sites: 4, maxPagesPerSite: 10, style: .log) { output.write($0) }
    let site = Site(name: "Elva", url: "https://elva.ee/")
    await progress.siteStarted(site)
    for _ in 0..<5 { await progress.requestFinished(site: site, bytes: 100) }
    await progress.pagesFailed(1)
    await progress.siteFinished(crawl("Elva", pages: 5, errors: 1))
    let line = await progress.line
    #expect(line.hasPrefix("sites 1/4 · pages 5 · "))
    #expect(line.contains(" pages/s · errors 1 · ETA "))
    #expect(!line.hasSuffix("ETA ?"))
  }

  @Test func logStyleWritesLinesPeriodicallyAndATableAtTheEnd() async throws {
    let output = Output()
    let progress = CrawlProgress(sites: 2, maxPagesPerSite: 10, style: .log, logInterval: 0.05) {
      output.write($0)
    }
    await progress.start()
    // Wait (at most five seconds) for two periodic lines.
    for _ in 0..<100 where output.all.count < 2 { try await Task.sleep(for: .milliseconds(50)) }
    await progress.siteFinished(crawl("Elva", pages: 12, errors: 1))
    await progress.siteFinished(
      crawl("Kadunud", pages: 0, errors: 1, outcome: .unreachable(reason: "could not connect")))
    await progress.finish()
    let written = output.all
    #expect(written.filter { $0.hasPrefix("sites 0/2") && $0.hasSuffix("\n") }.count >= 2)
    #expect(written.allSatisfy { !$0.contains("\r") })
    let table = try #require(written.last)
    #expect(table.contains("site"))
    #expect(table.contains("Elva"))
    #expect(table.contains("unreachable: could not connect"))
    #expect(table.contains("total (2 sites)"))
    let count = written.count
    try await Task.sleep(for: .milliseconds(150))
    #expect(output.all.count == count, "nothing is written after finish")
  }

  @Test func liveStyleRedrawsOneLine() async throws {
    let output = Output()
    let progress = CrawlProgress(sites: 1, maxPagesPerSite: 10, style: .live) { output.write($0) }
    await progress.start()
    for _ in 0..<100 where output.all.count < 2 { try await Task.sleep(for: .milliseconds(50)) }
    await progress.finish()
    let written = output.all
    #expect(written.count >= 2)
    #expect(written.allSatisfy { $0.hasPrefix("\r\u{1B}[2K") })
    #expect(written.dropLast().allSatisfy { !$0.contains("\n") })
    #expect(written.last?.hasSuffix("\n") == true)
  }

  @Test func summaryTableAlignsColumnsAndTotals() {
    let table = SiteSummary.table([
      SiteSummary(
        crawl("Vald", pages: 120, errors: 3, gaveUp: true)),
      SiteSummary(crawl("Linn", pages: 8, errors: 0)),
    ])
    let lines = table.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix("site"))
    #expect(lines[1].hasPrefix("Linn"))
    #expect(lines[2].hasPrefix("Vald"))
    #expect(lines[2].hasSuffix("3.6 MB  gave up"))
    #expect(lines[3].hasPrefix("total (2 sites)"))
    #expect(lines[3].contains(" 128 "))
    #expect(SiteSummary.byteCount(999) == "999 B")
    #expect(SiteSummary.byteCount(1500) == "1.5 kB")
  }
}
