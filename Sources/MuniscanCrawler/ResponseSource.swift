import Foundation
import MuniscanCore
import MuniscanHTTP

/// Where a site's responses come from: replayed from an interrupted crawl when available,
/// otherwise fetched politely (start-to-start delay) and handed to the recorder.
struct ResponseSource {
  let client: any HTTPFetching
  let replay: Replay
  let recorder: (any CrawlRecorder)?
  let site: Site
  var pacer: Pacer

  init(client: any HTTPFetching, replay: Replay, recorder: (any CrawlRecorder)?, site: Site, delay: Double) {
    self.client = client
    self.replay = replay
    self.recorder = recorder
    self.site = site
    pacer = Pacer(seconds: delay)
  }

  /// Raises the delay between requests (a robots.txt `Crawl-delay`), never lowers it.
  mutating func slowDown(to seconds: Double) {
    if Duration.milliseconds(Int64(seconds * 1000)) > pacer.interval { pacer.interval = .milliseconds(Int64(seconds * 1000)) }
  }

  mutating func fetch(_ url: String) async throws -> HTTPResponse {
    if let replayed = try replay.answer(for: url) { return replayed }
    await pacer.wait()
    let request = HTTPRequest(url: url)
    let response = try await client.fetch(request)
    try await recorder?.record(
      Exchange(site: site, request: request, response: response, fetchedAt: Date().timeIntervalSince1970))
    return response
  }
}
