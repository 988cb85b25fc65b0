import MuniscanCore
import MuniscanHTML
import MuniscanHTTP

/// What a page's answer (not a redirect) told, read in the task that fetched it: the body is
/// analysed there and dropped, so an answer that waits for its site's session to take it in
/// holds the page's facts, not its body.
struct PageReading: Sendable {
  enum Outcome: Sendable {
    /// A 4xx or 5xx answer.
    case error
    /// An answer that is not HTML, with its content type.
    case notHTML(String)
    /// An HTML page: its facts (nil only when the queries do not compile), and whether its
    /// body was cut at the size limit. Boxed: the async frames that carry a reading are kept by
    /// a site's task at their deepest (Swift's task allocator keeps its slabs), and the facts
    /// inline made them 1–3 KB larger each, over 4 KB per site.
    /// With what judging read in the facts ahead (empty when nothing was).
    indirect case read(PageFacts?, truncated: Bool, preread: [UInt8] = [])
  }

  var url: String
  var depth: Int
  var status: Int
  var outcome: Outcome
  /// Whether the facts are those kept beside an archive, not analysed now.
  var fromStoredFacts = false

  /// Reads `response`; an HTML page is analysed, unless `stored` holds the facts an earlier
  /// analysis of this very response gave.
  init(
    _ response: HTTPResponse, url: String, depth: Int, analyzers: AnalyzerPool,
    stored: PageFacts? = nil
  ) {
    self.url = url
    self.depth = depth
    status = response.status
    guard response.status < 400 else {
      outcome = .error
      return
    }
    let contentType = response.header("content-type") ?? ""
    guard Self.isHTML(contentType) else {
      outcome = .notHTML(contentType)
      return
    }
    if let stored {
      outcome = .read(stored, truncated: response.bodyTruncated)
      return
    }
    var headers: [String: String] = [:]
    for header in response.headers { headers[header.name.lowercased()] = header.value }
    let input = PageInput(
      url: url, depth: depth, status: response.status, headers: headers, body: response.body)
    let analysed = analyzers.analyze(input)
    outcome = .read(
      analysed?.facts, truncated: response.bodyTruncated, preread: analysed?.preread ?? [])
  }

  /// Whether an answer of `contentType` is read as HTML (so is one without a content type).
  /// Media types are case-insensitive (RFC 9110, 8.3.1): `Text/HTML` is HTML too. Searched in
  /// the bytes: Foundation's `contains`, which a plain `contains` resolves to here, was 0.3 % of
  /// a thousand-site crawl's CPU, and the standard library's generic `firstRange(of:)` 1.4 %.
  static func isHTML(_ contentType: String) -> Bool {
    var contentType = contentType
    return contentType.isEmpty
      || contentType.withUTF8 { bytes in
        bytes.indices.dropLast(3).contains { start in
          zip(bytes[start..<start + 4], "html".utf8).allSatisfy { $0.asciiLowercased == $1 }
        }
      }
  }
}

extension PageReading {
  /// Reads the answer `source` gave for `url`: from the page facts its replay kept for that
  /// answer, else by analysing it. Synchronous, so it runs while the answer holds its place in
  /// the window (see `ResponseSource`).
  init(
    _ response: HTTPResponse, url: String, depth: Int, source: ResponseSource,
    analyzers: AnalyzerPool
  ) {
    let stored = source.replay.facts(for: url, depth: depth)
    self.init(response, url: url, depth: depth, analyzers: analyzers, stored: stored)
    fromStoredFacts = stored != nil
  }

  /// Hands facts analysed now to the source's recorder, which keeps them beside the exchange it
  /// recorded last for the URL (nothing when the answer was replayed).
  func record(in source: ResponseSource) async {
    guard !fromStoredFacts, case .read(let facts?, _, _) = outcome else { return }
    await source.recordFacts(facts, url: url)
  }
}
