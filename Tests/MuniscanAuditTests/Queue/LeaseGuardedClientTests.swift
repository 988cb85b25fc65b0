import Foundation
import MuniscanHTTP
import Testing

@testable import MuniscanAudit

/// A task's crawl sends nothing once its lease may have expired by the local clock, and nothing
/// more after that: a crawl that lacks an answer is not whole.
@Suite struct LeaseGuardedClientTests {
  /// Answers every request, counting them.
  final class Counting: HTTPFetching, @unchecked Sendable {
    private let lock = NSLock()
    private var sent = 0
    var count: Int { lock.withLock { sent } }

    func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
      lock.withLock { sent += 1 }
      return HTTPResponse(url: request.url, status: 200)
    }
  }

  @Test func noRequestIsSentOnceTheLeaseMayHaveExpired() async throws {
    let counting = Counting()
    let deadline = LeaseDeadline(length: .milliseconds(100), askedAt: ContinuousClock.now)
    let client = LeaseGuardedClient(client: counting, lease: deadline)
    let request = HTTPRequest(url: "http://vald.test/")
    _ = try await client.fetch(request)
    try await Task.sleep(for: .milliseconds(150))
    let refused = await #expect(throws: LeaseDeadline.Expired.self) {
      try await client.fetch(request)
    }
    #expect(refused?.description == "http://vald.test/: not fetched, the lease may have expired")
    #expect(counting.count == 1)
    // Once a request was held back the crawl is not whole: the lease renewed lets no more out.
    deadline.renewed(askedAt: ContinuousClock.now)
    #expect(deadline.hasRefused)
    await #expect(throws: LeaseDeadline.Expired.self) { try await client.fetch(request) }
    #expect(counting.count == 1)
  }
}
