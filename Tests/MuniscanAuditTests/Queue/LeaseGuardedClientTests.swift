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

  /// The deadline is asked at given instants, so the machine's load cannot move its answers.
  @Test func theLeaseHoldsForItsLengthFromWhenItWasAskedFor() {
    let asked = ContinuousClock.now
    let deadline = LeaseDeadline(length: .seconds(60), askedAt: asked)
    #expect(deadline.allows(at: asked + .milliseconds(59_999)))
    #expect(!deadline.hasRefused)
    // A renewal asked for later moves the deadline on; one asked for earlier does not move it back.
    deadline.renewed(askedAt: asked + .seconds(30))
    deadline.renewed(askedAt: asked + .seconds(10))
    #expect(deadline.allows(at: asked + .milliseconds(89_999)))
    #expect(!deadline.allows(at: asked + .seconds(90)))
    // Once a request was held back the crawl is not whole: the lease renewed lets no more out.
    deadline.renewed(askedAt: asked + .seconds(90))
    #expect(deadline.hasRefused)
    #expect(!deadline.allows(at: asked + .seconds(91)))
  }

  @Test func noRequestIsSentOnceTheLeaseMayHaveExpired() async throws {
    let counting = Counting()
    let request = HTTPRequest(url: "http://vald.test/")
    // Asked for now, for an hour: it holds for this request.
    let holding = LeaseDeadline(length: .seconds(3_600), askedAt: ContinuousClock.now)
    _ = try await LeaseGuardedClient(client: counting, lease: holding).fetch(request)
    #expect(counting.count == 1)
    // Asked for a minute ago, for a second: it may have expired, and nothing more is sent.
    let expired = LeaseDeadline(length: .seconds(1), askedAt: ContinuousClock.now - .seconds(60))
    let client = LeaseGuardedClient(client: counting, lease: expired)
    let refused = await #expect(throws: LeaseDeadline.Expired.self) {
      try await client.fetch(request)
    }
    #expect(refused?.description == "http://vald.test/: not fetched, the lease may have expired")
    expired.renewed(askedAt: ContinuousClock.now)
    await #expect(throws: LeaseDeadline.Expired.self) { try await client.fetch(request) }
    #expect(counting.count == 1)
  }
}
