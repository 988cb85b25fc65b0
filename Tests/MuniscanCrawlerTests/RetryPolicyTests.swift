import Foundation
import MuniscanHTTP
import Testing

@testable import MuniscanCrawler

@Suite struct RetryPolicyTests {
  private let policy = RetryPolicy(maxAttempts: 3, baseDelay: 1, maxDelay: 5, maxRetryAfter: 60)

  @Test func retryAfterSecondsAndDates() {
    let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
    #expect(RetryPolicy.retryAfter("120", now: now) == 120)
    #expect(RetryPolicy.retryAfter(" 7 ", now: now) == 7)
    #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now: now) == 30)
    #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == 0)
    #expect(RetryPolicy.retryAfter("-5", now: now) == nil)
    #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
  }

  @Test func busyStatusesAreRetriedHonouringRetryAfterUpToTheCap() {
    let busy = HTTPResponse(
      url: "http://x.ee/", status: 429, headers: [HTTPHeader(name: "Retry-After", value: "2")])
    #expect(policy.delay(afterAttempt: 1, response: busy) == 2)
    #expect(policy.delay(afterAttempt: 3, response: busy) == nil)
    let long = HTTPResponse(
      url: "http://x.ee/", status: 503, headers: [HTTPHeader(name: "retry-after", value: "86400")])
    #expect(policy.delay(afterAttempt: 1, response: long) == 60)
    for status in [408, 500, 502, 503, 504] {
      let delay = policy.delay(
        afterAttempt: 2, response: HTTPResponse(url: "http://x.ee/", status: status))
      #expect(delay.map { (0...2).contains($0) } == true, "status \(status)")
    }
    for status in [200, 301, 404, 410, 501] {
      #expect(
        policy.delay(afterAttempt: 1, response: HTTPResponse(url: "http://x.ee/", status: status))
          == nil)
    }
  }

  @Test func transientFailuresAreRetriedOthersNot() {
    let retried: [HTTPClientError] = [
      .timeout(url: "u", message: ""), .connect(url: "u", message: ""),
      .transfer(url: "u", code: 56, message: "reset"),
      .transfer(url: "u", code: 52, message: "empty"),
    ]
    for error in retried { #expect(policy.delay(afterAttempt: 1, error: error) != nil, "\(error)") }
    let final: [HTTPClientError] = [
      .dns(url: "u", message: ""), .tls(url: "u", message: ""), .invalidURL("u"),
      .cancelled(url: "u"),
      .shutDown, .transfer(url: "u", code: 23, message: "write"),
    ]
    for error in final { #expect(policy.delay(afterAttempt: 1, error: error) == nil, "\(error)") }
    #expect(
      policy.delay(afterAttempt: 3, error: HTTPClientError.timeout(url: "u", message: "")) == nil)
  }

  @Test func backoffIsFullJitterUnderADoublingCeiling() {
    for attempt in 1...6 {
      let ceiling = min(5, pow(2, Double(attempt - 1)))
      let draws = (0..<200).map { _ in policy.backoff(afterAttempt: attempt) }
      #expect(draws.allSatisfy { (0...ceiling).contains($0) })
      #expect(draws.max()! > ceiling / 2)
      #expect(draws.min()! < ceiling / 2)
    }
  }
}
