import MuniscanCore

/// Why a site was not audited, in words a reader without a network background follows. The
/// crawl records the message of libcurl, of the crawler or of the archive reader (the reason
/// of a `CrawlOutcome` other than `crawled`), such as "https://x.ee/: could not connect: Failed
/// to connect to x.ee port 443 after 2 ms: Couldn't connect to server"; reports lead with the
/// plain reason and keep that message as the detail.
struct NotAuditedReason: Equatable {
  enum Kind: Equatable {
    case noAnswer, refused, nameNotFound, secureConnection, notWebAddress, redirectLoop
    case notArchived, notFetched
    /// The home page answered with this HTTP status.
    case httpError(Int)
    /// robots.txt keeps crawlers off the site (it disallows the home page, or answered 5xx).
    case closedByRobots
    /// The crawl archive lacks part of the site.
    case incomplete
  }

  let kind: Kind
  /// The message the crawl recorded.
  let message: String

  /// The reason a site was not audited; nil when it was crawled.
  init?(_ outcome: CrawlOutcome) {
    switch outcome {
    case .crawled: return nil
    case .unreachable(let message): self.init(message: message)
    case .closedByRobots(let message): self.init(kind: .closedByRobots, message: message)
    case .incomplete(let message): self.init(kind: .incomplete, message: message)
    }
  }

  /// The reason of an unreachable site, sorted by its message.
  init(message: String) {
    self.init(kind: Self.kind(of: message), message: message)
  }

  private init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  func text(_ words: ReportWords) -> String {
    switch kind {
    case .noAnswer: return words[.reasonNoAnswer]
    case .refused: return words[.reasonRefused]
    case .nameNotFound: return words[.reasonNoName]
    case .secureConnection: return words[.reasonSecure]
    case .notWebAddress: return words[.reasonNotWeb]
    case .redirectLoop: return words[.reasonRedirectLoop]
    case .notArchived: return words[.reasonNotArchived]
    case .notFetched: return words[.reasonNotFetched]
    case .httpError(let status): return words.httpError(status)
    case .closedByRobots: return words[.reasonClosedByRobots]
    case .incomplete: return words[.reasonIncomplete]
    }
  }

  /// "Not audited: the server refused the connection (https://x.ee/: could not connect: …)",
  /// for reports that have one line for it.
  func line(_ words: ReportWords) -> String {
    "\(words[.notAuditedTitle]): \(text(words)) (\(message))"
  }

  /// Sorts the crawl's message by the phrases that `HTTPClientError`, the crawl session and the
  /// archive write into it. URLs are left out first: a host may be named "timeout" or "refused".
  private static func kind(of message: String) -> Kind {
    let words = message.lowercased().split(whereSeparator: \.isWhitespace).filter {
      !$0.contains("://")
    }
    let text = words.joined(separator: " ")
    if let answered = words.firstIndex(of: "answered"), answered + 1 < words.count,
      let status = Int(words[answered + 1]), (100...599).contains(status)
    {
      return .httpError(status)
    }
    let phrases: [(Kind, [String])] = [
      (.notFetched, ["redirect to an invalid url"]),
      (.nameNotFound, ["could not resolve host", "couldn't resolve host"]),
      (.refused, ["refused"]),
      (
        .noAnswer,
        ["timed out", "timeout", "no route to host", "network is unreachable", "host is down"]
      ),
      // curl's "Couldn't connect to server" when nothing refused or timed out: no one listens.
      (.refused, ["could not connect", "couldn't connect"]),
      (.secureConnection, ["tls failure", "ssl", "certificate"]),
      // A loop, or more redirects than the crawl follows.
      (.redirectLoop, ["redirect loop", "redirects"]),
      (.notWebAddress, ["invalid url", "is not an http(s) url"]),
      (.notArchived, ["not in the archive"]),
    ]
    for (kind, needles) in phrases where needles.contains(where: { text.contains($0) }) {
      return kind
    }
    return .notFetched
  }
}
