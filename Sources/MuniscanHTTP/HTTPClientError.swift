/// Why a fetch produced no response, sorted into the kinds the crawler treats differently
/// (a DNS failure ends a site, a timeout may be retried). HTTP error statuses are not errors.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The URL is unparsable or its scheme is not http or https.
  case invalidURL(String)
  case dns(url: String, message: String)
  case connect(url: String, message: String)
  case timeout(url: String, message: String)
  case tls(url: String, message: String)
  /// Any other libcurl failure, with its CURLcode.
  case transfer(url: String, code: Int, message: String)
  case cancelled(url: String)
  /// The client was shut down before or while the fetch ran.
  case shutDown

  /// One line naming the URL and the reason.
  public var description: String {
    switch self {
    case .invalidURL(let url):
      return "\(Self.oneLine(url)): invalid URL (only http and https URLs are fetched)"
    case .dns(let url, let message):
      return Self.line(url, "could not resolve host", message)
    case .connect(let url, let message):
      return Self.line(url, "could not connect", message)
    case .timeout(let url, let message):
      return Self.line(url, "timed out", message)
    case .tls(let url, let message):
      return Self.line(url, "TLS failure", message)
    case .transfer(let url, let code, let message):
      return Self.line(url, "transfer failed (curl error \(code))", message)
    case .cancelled(let url):
      return "\(Self.oneLine(url)): cancelled"
    case .shutDown:
      return "HTTP client was shut down"
    }
  }

  private static func line(_ url: String, _ reason: String, _ message: String) -> String {
    let head = url.isEmpty ? reason : "\(oneLine(url)): \(reason)"
    let detail = oneLine(message)
    // curl's own message often repeats the reason ("Could not resolve host: x").
    guard !detail.isEmpty, !detail.lowercased().hasPrefix(reason.lowercased()) else { return head }
    return "\(head): \(detail)"
  }

  private static func oneLine(_ text: String) -> String {
    String(
      text.map { $0.isNewline ? " " : $0 }
    ).trimmingSpaces()
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while scalars.first == " " { scalars.removeFirst() }
    while scalars.last == " " { scalars.removeLast() }
    return String(scalars)
  }
}
