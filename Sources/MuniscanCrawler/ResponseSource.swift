import Foundation
import MuniscanCore
import MuniscanHTTP

/// Where a site's responses come from: replayed from an interrupted crawl when available,
/// otherwise fetched politely (start-to-start delay, retries per the policy) and handed to the
/// recorder. Sendable, so the site's requests in flight together share its pacer.
///
/// Each fetch holds a place in the crawl's `window` (shared by all its sites) from just before
/// its request starts until the answer is recorded and read (`fetch(_:method:reading:)`: a page
/// is analysed there and its body dropped): when analysis falls behind, answers wait in that
/// window and no new request starts, so a crawl of a thousand sites at once holds at most the
/// window's bodies in memory, not one per site.
///
/// A class, so that every frame of a fetch (and every task fetching for the site) holds one
/// reference to it rather than a copy of its fields.
final class ResponseSource: Sendable {
  let client: any HTTPFetching
  let replay: Replay
  let recorder: (any CrawlRecorder)?
  let observer: (any CrawlObserver)?
  let site: Site
  let pacer: Pacer
  let retry: RetryPolicy
  let window: AsyncGate

  init(
    client: any HTTPFetching, replay: Replay, recorder: (any CrawlRecorder)?,
    observer: (any CrawlObserver)?, site: Site, options: CrawlOptions, window: AsyncGate
  ) {
    self.client = client
    self.replay = replay
    self.recorder = recorder
    self.observer = observer
    self.site = site
    pacer = Pacer(seconds: options.delay)
    retry = options.retry
    self.window = window
  }

  /// Sleeps until the site's next request may start, without taking the start, when the site's
  /// answers are fetched rather than replayed: the crawl then starts a request's task only when
  /// its turn has come, so a thousand sites waiting for their delay hold no task each.
  func ready() async {
    if replay.isEmpty { await pacer.ready() }
  }

  /// Raises the delay between requests (a robots.txt `Crawl-delay`), never lowers it.
  func slowDown(to seconds: Double) { pacer.slowDown(to: seconds) }

  /// The answer to `url`: replayed, or fetched and retried while the policy allows (each try
  /// recorded). Throws the last error when no try got an answer.
  func fetch(_ url: String, method: HTTPMethod = .get) async throws -> HTTPResponse {
    try await fetch(url, method: method) { $0 }
  }

  /// What `reading` makes of the answer to `url`, read while the answer still holds its place
  /// in the window; the answer's body is dropped once read, unless `reading` keeps it. When
  /// `reading` reads the answer as a page (`asPage`), a replayed answer may come without its
  /// body (see ``Replay/answer(for:asPage:)``).
  func fetch<Reading>(
    _ url: String, method: HTTPMethod = .get, asPage: Bool = false,
    reading: (HTTPResponse) -> Reading
  ) async throws -> Reading {
    if method == .get, let replayed = try replay.answer(for: url, asPage: asPage) {
      return reading(replayed)
    }
    let request = HTTPRequest(url: url, method: method)
    var attempt = 1
    while true {
      let answer: Answer<Reading>
      do {
        answer = try await fetchOnce(request, reading: reading)
      } catch let error as RecordingFailed {
        throw error.underlying
      } catch {
        if let wait = retry.delay(afterAttempt: attempt, error: error) {
          pacer.postpone(by: wait)
          attempt += 1
          continue
        }
        await observer?.requestFinished(site: site, bytes: 0)
        throw error
      }
      if let wait = retry.delay(afterAttempt: attempt, response: answer.head) {
        pacer.postpone(by: wait)
        attempt += 1
        continue
      }
      await observer?.requestFinished(site: site, bytes: answer.bytes)
      return answer.reading
    }
  }

  /// Hands the facts read from the page of `url` to the recorder, to keep beside the exchange
  /// it recorded last for that URL.
  func recordFacts(_ facts: PageFacts, url: String) async {
    await recorder?.recordFacts(facts, site: site, url: url)
  }

  /// One try's answer: its head (the response without its body), its body's size, and what
  /// reading it gave.
  private struct Answer<Reading> {
    var head: HTTPResponse
    var bytes: Int
    var reading: Reading
  }

  /// One try: waits for the site's next start and a place in the window (not holding the
  /// place while the pacer sleeps, so the window is never filled by sites waiting for their
  /// delay), fetches, records and reads.
  private func fetchOnce<Reading>(
    _ request: HTTPRequest, reading: (HTTPResponse) -> Reading
  ) async throws -> Answer<Reading> {
    await pacer.ready()
    await window.enter()
    defer { window.leave() }
    await pacer.wait()
    var response = try await client.fetch(request)
    do {
      try await recorder?.record(
        Exchange(
          site: site, request: request, response: response, fetchedAt: Date().timeIntervalSince1970)
      )
    } catch {
      throw RecordingFailed(underlying: error)
    }
    let read = reading(response)
    let bytes = response.body.count
    response.body = []
    return Answer(head: response, bytes: bytes, reading: read)
  }
}

/// A recorder's failure, which is passed on as it is rather than tried again.
private struct RecordingFailed: Error {
  var underlying: any Error
}
