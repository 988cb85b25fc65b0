import Foundation
import MuniscanHTTP

/// When a failed request is tried again, and after how long: timeouts, refused or reset
/// connections and the statuses that mean "busy, come back" (408, 429, 500, 502, 503, 504) are
/// retried with exponential backoff and full jitter, or after the server's `Retry-After`, capped.
/// Each retry is a new request, paced like any other.
public struct RetryPolicy: Sendable, Hashable, Codable {
  /// Requests per URL at most, the first included (1 turns retries off).
  public var maxAttempts: Int
  /// The backoff before the first retry is drawn from 0...`baseDelay` seconds, doubling per retry.
  public var baseDelay: Double
  /// The longest backoff drawn, in seconds.
  public var maxDelay: Double
  /// The longest `Retry-After` obeyed, in seconds; a longer one is cut to this.
  public var maxRetryAfter: Double

  public static let retriedStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

  public init(
    maxAttempts: Int = 3, baseDelay: Double = 1, maxDelay: Double = 30, maxRetryAfter: Double = 60
  ) {
    self.maxAttempts = maxAttempts
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.maxRetryAfter = maxRetryAfter
  }

  /// Seconds to wait before trying again after `attempt` (1 for the first) answered `response`,
  /// or nil when it should not be retried.
  func delay(afterAttempt attempt: Int, response: HTTPResponse, now: Date = Date()) -> Double? {
    guard attempt < maxAttempts, Self.retriedStatuses.contains(response.status) else { return nil }
    if let value = response.header("retry-after"), let seconds = Self.retryAfter(value, now: now) {
      return min(seconds, maxRetryAfter)
    }
    return backoff(afterAttempt: attempt)
  }

  /// Seconds to wait before trying again after `attempt` failed with `error`, or nil when the
  /// failure is not worth another try (DNS, TLS, an invalid URL, cancellation).
  func delay(afterAttempt attempt: Int, error: any Error) -> Double? {
    guard attempt < maxAttempts, let error = error as? HTTPClientError, Self.isTransient(error)
    else {
      return nil
    }
    return backoff(afterAttempt: attempt)
  }

  /// Full jitter: uniformly random in 0...min(maxDelay, baseDelay × 2^(attempt-1)).
  func backoff(afterAttempt attempt: Int) -> Double {
    let ceiling = min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
    return ceiling > 0 ? Double.random(in: 0...ceiling) : 0
  }

  static func isTransient(_ error: HTTPClientError) -> Bool {
    switch error {
    case .timeout, .connect: return true
    // Partial file, empty reply, send and receive failures (resets), HTTP/2 stream errors.
    case .transfer(_, let code, _): return [16, 18, 52, 55, 56, 92].contains(code)
    case .invalidURL, .dns, .tls, .cancelled, .shutDown: return false
    }
  }

  /// Seconds a `Retry-After` value asks for: delay-seconds, or an HTTP-date (IMF-fixdate)
  /// from which `now` is subtracted; nil when unreadable.
  static func retryAfter(_ value: String, now: Date) -> Double? {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if let seconds = Int(trimmed) { return seconds >= 0 ? Double(seconds) : nil }
    // Rare (a 429 or 503 with a date), so a formatter per call is cheap enough.
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    guard let date = formatter.date(from: trimmed)?.timeIntervalSince1970 else { return nil }
    return max(0, date - now.timeIntervalSince1970)
  }
}
