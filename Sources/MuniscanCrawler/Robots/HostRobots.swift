import MuniscanCore

/// One host's robots.txt as the crawl read it (RFC 9309 § 2.3.1): its rules, or why it could
/// not be read. A robots.txt that answered a server error or no answer at all means complete
/// disallow (§ 2.3.1.4), so the crawler keeps the reason to say why nothing of the host was
/// fetched.
struct HostRobots: Sendable, Equatable {
  /// Why a host's robots.txt could not be read.
  enum Failure: Sendable, Equatable {
    /// It answered 5xx or 429 Too Many Requests (after the crawler's retries).
    case status(Int)
    /// No answer at all (DNS, connection, timeout, after the crawler's retries): the error.
    case noAnswer(String)
  }

  var rules: RobotsTxt
  var failure: Failure?
}

extension HostRobots {
  /// What the final answer to the robots.txt request means (redirects already followed):
  /// 2xx its rules, 3xx left over and 4xx (but 429) allow all, anything else disallows all.
  init(status: Int, body: [UInt8]) {
    rules = RobotsTxt.forResponse(status: status, body: body)
    failure = rules == .disallowAll && !(200..<300).contains(status) ? .status(status) : nil
  }

  /// robots.txt could not be fetched: complete disallow.
  init(noAnswer error: String) {
    rules = .disallowAll
    failure = .noAnswer(error)
  }

  /// Why `url` (on this host) may not be fetched, or nil when it may.
  func refusal(for url: String, agent: String) -> RobotsRefusal? {
    if let failure { return .unavailable(failure) }
    return rules.isAllowed(url, agent: agent) ? nil : .disallowed
  }
}

/// Why robots.txt keeps the crawler from a URL.
enum RobotsRefusal: Sendable, Equatable, CustomStringConvertible {
  /// The host's rules disallow it.
  case disallowed
  /// The host's robots.txt could not be read, which disallows everything.
  case unavailable(HostRobots.Failure)

  /// The problem line for a URL it refuses: `disallowed by robots.txt`, `robots.txt unreachable
  /// (HTTP 503)`.
  var description: String {
    switch self {
    case .disallowed: return "disallowed by robots.txt"
    case .unavailable(.status(let status)): return "robots.txt unreachable (HTTP \(status))"
    case .unavailable(.noAnswer(let error)): return "robots.txt unreachable (\(error))"
    }
  }

  /// What it makes of a site whose home page it refuses: closed by robots.txt, or unreachable
  /// when the host gave no answer at all (a site that is down is not a site that shuts crawlers
  /// out).
  var siteOutcome: CrawlOutcome {
    switch self {
    case .disallowed: return .closedByRobots(reason: "robots.txt disallows crawling")
    case .unavailable(.status): return .closedByRobots(reason: description)
    case .unavailable(.noAnswer(let error)): return .unreachable(reason: error)
    }
  }
}
