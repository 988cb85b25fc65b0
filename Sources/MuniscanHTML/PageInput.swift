/// One fetched page as the analyser needs it: where it came from, how it was served, its bytes.
///
/// It exists so the crawler (and tests, and offline re-scoring from an archive) can hand pages to
/// ``PageAnalyzer`` without MuniscanHTML knowing about HTTP clients or WARC files.
public struct PageInput: Sendable, Hashable {
  /// Final URL of the page after redirects: the base for relative links unless `<base href>`.
  public var url: String
  /// Clicks from the home page.
  public var depth: Int
  /// HTTP status code.
  public var status: Int
  /// Response headers, names lower-cased (`content-type`, `last-modified`, …).
  public var headers: [String: String]
  /// The body as received (after content decoding, before any charset conversion).
  public var body: [UInt8]

  public init(
    url: String, depth: Int = 0, status: Int = 200, headers: [String: String] = [:],
    body: [UInt8]
  ) {
    self.url = url
    self.depth = depth
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A header's value, looked up without regard to the case of its name.
  public func header(_ name: String) -> String? {
    let lower = name.lowercased()
    if let value = headers[lower] { return value }
    return headers.first(where: { $0.key.lowercased() == lower })?.value
  }
}
