import Foundation
import MuniscanCore
import MuniscanHTTP

/// Where a site's responses come from: replayed from an interrupted crawl when available,
/// otherwise fetched politely (start-to-start delay, retries per the policy) and handed to the
/// recorder. Sendable, so the site's requests in flight together share its pacer.
struct ResponseSource: Sendable {
  let client: any HTTPFetching
  let replay: Replay
  let recorder: (any CrawlRecorder)?
  let observer: (any CrawlObserver)?
  let site: Site
  let pacer: Pacer
  let retry: RetryPolicy

  init(
    client: any HTTPFetching, replay: Replay, recorder: (any CrawlRecorder)?,
    observer: (any CrawlObserver)?, site: Site, options: CrawlOptions
  ) {
    self.client = client
    self.replay = replay
    self.recorder = recorder
    self.observer = observer
    self.site = site
    pacer = Pacer(seconds: options.delay)
    retry = options.retry
  }

  /// Raises the delay between requests (a robots.txt `Crawl-delay`), never lowers it.
  func slowDown(to seconds: Double) { pacer.slowDown(to: seconds) }

  /// The answer to `url`: replayed, or fetched and retried while the policy allows (each try
  /// recorded). Throws the last error when no try got an answer.
  func fetch(_ url: String, method: HTTPMethod = .get) async throws -> HTTPResponse {
    if method == .get, let replayed = try replay.answer(for: url) { return replayed }
    let request = HTTPRequest(url: url, method: method)
    var attempt = 1
    while true {
      await pacer.wait()
      let response: HTTPResponse
      do {
        response = try await client.fetch(request)
      } catch {
        if let wait = retry.delay(afterAttempt: attempt, error: error) {
          pacer.postpone(by: wait)
          attempt += 1
          continue
        }
        await observer?.requestFinished(site: site, bytes: 0)
        throw error
      }
      try await recorder?.record(
        Exchange(
          site: site, request: request, response: response, fetchedAt: Date().timeIntervalSince1970)
      )
      if let wait = retry.delay(afterAttempt: attempt, response: response) {
        pacer.postpone(by: wait)
        attempt += 1
        continue
      }
      await observer?.requestFinished(site: site, bytes: response.body.count)
      return response
    }
  }
}
