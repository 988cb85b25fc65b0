import NIOCore
import NIOHTTP1

/// One HTTP request as the fixture server received it: what tests assert politeness and
/// "no re-fetching" with, and what handlers answer.
public struct FixtureRequest: Sendable {
  /// The request method as sent, e.g. `GET`, `HEAD`.
  public var method: String
  /// The `Host` header without its port, lower-cased (`""` when the request had none).
  public var host: String
  /// The request target as sent: path and query, still percent-encoded.
  public var target: String
  /// The path part of `target` (before `?`), still percent-encoded.
  public var path: String
  /// The query part of `target` (after `?`), or `nil` when the target has no `?`.
  public var query: String?
  /// Request headers with lower-cased names; repeated headers are joined with `", "`.
  public var headers: [String: String]
  /// When the request head arrived, in monotonic seconds (see ``monotonicNow``).
  public var receivedAt: Double

  /// Creates a request, e.g. to call ``StaticSites/respond(to:)`` without a server.
  public init(
    method: String = "GET", host: String, target: String, headers: [String: String] = [:],
    receivedAt: Double = FixtureRequest.monotonicNow
  ) {
    self.method = method
    self.host = host.lowercased()
    self.target = target
    if let mark = target.firstIndex(of: "?") {
      self.path = String(target[..<mark])
      self.query = String(target[target.index(after: mark)...])
    } else {
      self.path = target
      self.query = nil
    }
    self.headers = headers
    self.receivedAt = receivedAt
  }

  /// The monotonic clock `receivedAt` is read from, in seconds.
  public static var monotonicNow: Double {
    Double(NIODeadline.now().uptimeNanoseconds) / 1_000_000_000
  }

  init(head: HTTPRequestHead, receivedAt: Double) {
    var headers: [String: String] = [:]
    for (name, value) in head.headers {
      let key = name.lowercased()
      if let previous = headers[key] {
        headers[key] = previous + ", " + value
      } else {
        headers[key] = value
      }
    }
    self.init(
      method: head.method.rawValue, host: Self.hostName(headers["host"] ?? ""),
      target: head.uri, headers: headers, receivedAt: receivedAt)
  }

  /// `Host` header value without its port: `www.x.ee:8080` → `www.x.ee`, `[::1]:80` → `[::1]`.
  static func hostName(_ value: String) -> String {
    let value = value.trimmingCharacters(in: " \t")
    if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
      return value[...close].lowercased()
    }
    if let colon = value.lastIndex(of: ":"),
      value[value.index(after: colon)...].allSatisfy(\.isASCIIDigit)
    {
      return value[..<colon].lowercased()
    }
    return value.lowercased()
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
