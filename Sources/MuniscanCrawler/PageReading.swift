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
    /// body was cut at the size limit.
    case read(PageFacts?, truncated: Bool)
  }

  var url: String
  var depth: Int
  var status: Int
  var outcome: Outcome

  init(_ response: HTTPResponse, url: String, depth: Int, analyzers: AnalyzerPool) {
    self.url = url
    self.depth = depth
    status = response.status
    guard response.status < 400 else {
      outcome = .error
      return
    }
    let contentType = response.header("content-type") ?? ""
    guard contentType.isEmpty || contentType.contains("html") else {
      outcome = .notHTML(contentType)
      return
    }
    var headers: [String: String] = [:]
    for header in response.headers { headers[header.name.lowercased()] = header.value }
    let input = PageInput(
      url: url, depth: depth, status: response.status, headers: headers, body: response.body)
    outcome = .read(analyzers.analyze(input), truncated: response.bodyTruncated)
  }
}
