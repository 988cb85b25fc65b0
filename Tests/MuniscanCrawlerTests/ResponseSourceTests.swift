import FixtureServer
import Foundation
import MuniscanCore
import MuniscanHTTP
import MuniscanTestSupport
import Testing

@testable import MuniscanCrawler

@Suite struct ResponseSourceTests {
  /// Sites crawled together share one window of answers: with room for one, no request starts
  /// while another site's answer is under way or waiting to be read, however many sites run.
  @Test func theWindowHoldsBackRequestsOfEverySite() async throws {
    let sites = ["uks.ee", "kaks.ee", "kolm.ee", "neli.ee"]
    let runs = try await CrawlHarness.crawlNation(sites: sites, window: 1) { request in
      try? await Task.sleep(for: .milliseconds(20))
      if request.path == "/" { return CrawlHarness.page("Avaleht", links: ["/a", "/b"]) }
      return CrawlHarness.page("Leht")
    }
    #expect(runs.count == sites.count)
    for run in runs {
      #expect(run.crawl.pages.count == 3)
      #expect(run.mostAtOnce == 1)
    }
  }

  /// The window is a bound, not a queue of sites: with room for all of them, the sites' requests
  /// overlap. Each site's first request is held until the other's arrives (five seconds at
  /// most), so the overlap does not depend on how quickly a loaded machine starts the second.
  @Test func aWideWindowLetsSitesFetchTogether() async throws {
    let arrived = Counter()
    let runs = try await CrawlHarness.crawlNation(sites: ["uks.ee", "kaks.ee"], window: 8) {
      request in
      arrived.add(1)
      _ = try? await waitUntil(atMost: 5) { arrived.peak >= 2 }
      return CrawlHarness.page(request.path == "/" ? "Avaleht" : "Leht")
    }
    #expect(runs.first?.mostAtOnce == 2)
  }

  /// An answer keeps its place in the window until it has been read (a page analysed), not just
  /// received: with room for one answer, the next request waits for the slow reading of the
  /// one before, so bodies waiting for a processor never pile up.
  @Test func anAnswerHoldsItsPlaceUntilItIsRead() async throws {
    let events = Locked<[String]>([])
    let client = RecordingClient(events: events)
    var options = CrawlOptions()
    options.delay = 0
    let window = AsyncGate(permits: 1)
    let sources = ["uks.ee", "kaks.ee"].map { host in
      ResponseSource(
        client: client, replay: Replay(), recorder: nil, observer: nil,
        site: Site(name: host, url: "http://\(host)/"), options: options, window: window)
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for source in sources {
        group.addTask {
          let size = try await source.fetch(source.site.url) { response in
            events.withLock { $0.append("read \(response.url)") }
            Thread.sleep(forTimeInterval: 0.05)
            return response.body.count
          }
          #expect(size == 4)
        }
      }
      try await group.waitForAll()
    }
    let order = events.withLock { $0 }
    #expect(order.count == 4)
    // Each request is followed by its own reading before the other request starts.
    for pair in stride(from: 0, to: order.count, by: 2) {
      #expect(order[pair].hasPrefix("request "))
      #expect(order[pair + 1] == "read " + order[pair].dropFirst("request ".count))
    }
  }
}

/// A client answering every request at once with a four-byte page, noting each request.
private struct RecordingClient: HTTPFetching {
  let events: Locked<[String]>

  func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
    events.withLock { $0.append("request \(request.url)") }
    return HTTPResponse(url: request.url, status: 200, body: Array("Tere".utf8))
  }
}
