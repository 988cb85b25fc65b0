/// One header field, kept as a name/value pair in order, because HTTP allows repeated fields
/// and WARC records and redirect handling need them as they were sent.
public struct HTTPHeader: Sendable, Hashable {
  public var name: String
  public var value: String

  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// The request methods the crawler needs: GET for pages, HEAD for cheap checks of documents.
public enum HTTPMethod: String, Sendable {
  case get = "GET"
  case head = "HEAD"
}

/// What to fetch: one URL, one method, extra request headers (they override the client's
/// defaults, such as the User-Agent; an empty value sends the header empty; a header containing
/// CR, LF or NUL is dropped, so no header can inject request lines).
public struct HTTPRequest: Sendable {
  public var url: String
  public var method: HTTPMethod
  public var headers: [HTTPHeader]

  public init(url: String, method: HTTPMethod = .get, headers: [HTTPHeader] = []) {
    self.url = url
    self.method = method
    self.headers = headers
  }
}

/// The final response to one request, with everything the crawler records: the decoded body
/// for parsing and the raw heads for WARC. Any HTTP status (404, 500, 3xx) is a response, not an
/// error; redirects are not followed.
public struct HTTPResponse: Sendable {
  /// The fields, kept behind one reference (``Box``): responses are passed and returned through
  /// every async frame of a fetch, and a site's task keeps those frames at their deepest (Swift's
  /// task allocator keeps its slabs), so a response is one word in them instead of twelve.
  private struct Fields {
    var url: String
    var status: Int
    var headers: [HTTPHeader]
    var body: [UInt8]
    var omittedBodyLength: Int
    var bodyTruncated: Bool
    var rawResponseHead: [UInt8]
    var rawRequestHead: [UInt8]
    var remoteAddress: String?
    var elapsedSeconds: Double
  }

  private final class Box: @unchecked Sendable {
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  /// The box to change, copied first when another response shares it (copy on write).
  private var unique: Box {
    mutating get {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
      return box
    }
  }

  /// The URL fetched (redirects are not followed by the client).
  public var url: String {
    get { box.fields.url }
    set { unique.fields.url = newValue }
  }
  public var status: Int {
    get { box.fields.status }
    set { unique.fields.status = newValue }
  }
  /// Response header fields in the order received.
  public var headers: [HTTPHeader] {
    get { box.fields.headers }
    set { unique.fields.headers = newValue }
  }
  /// The body with any content coding (gzip, deflate, br, zstd) removed.
  public var body: [UInt8] {
    get { box.fields.body }
    set { unique.fields.body = newValue }
  }
  /// The size of a body the response comes without (0 when it has its body): an archived answer
  /// whose page facts were kept is replayed without its body, which nothing would read.
  public var omittedBodyLength: Int { box.fields.omittedBodyLength }
  /// The body's size in bytes, whether the response comes with it or without it.
  public var bodyLength: Int { box.fields.body.count + box.fields.omittedBodyLength }
  /// True when the decoded body reached the client's `maxBodyBytes` and the rest was dropped.
  public var bodyTruncated: Bool {
    get { box.fields.bodyTruncated }
    set { unique.fields.bodyTruncated = newValue }
  }
  /// Status line and header lines exactly as received, with CRLFs and the closing empty line.
  public var rawResponseHead: [UInt8] {
    get { box.fields.rawResponseHead }
    set { unique.fields.rawResponseHead = newValue }
  }
  /// Request line and header lines exactly as sent.
  public var rawRequestHead: [UInt8] {
    get { box.fields.rawRequestHead }
    set { unique.fields.rawRequestHead = newValue }
  }
  /// The IP address of the peer the response came from.
  public var remoteAddress: String? {
    get { box.fields.remoteAddress }
    set { unique.fields.remoteAddress = newValue }
  }
  public var elapsedSeconds: Double {
    get { box.fields.elapsedSeconds }
    set { unique.fields.elapsedSeconds = newValue }
  }

  public init(
    url: String, status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [],
    omittedBodyLength: Int = 0, bodyTruncated: Bool = false, rawResponseHead: [UInt8] = [],
    rawRequestHead: [UInt8] = [], remoteAddress: String? = nil, elapsedSeconds: Double = 0
  ) {
    box = Box(
      Fields(
        url: url, status: status, headers: headers, body: body,
        omittedBodyLength: omittedBodyLength, bodyTruncated: bodyTruncated,
        rawResponseHead: rawResponseHead, rawRequestHead: rawRequestHead,
        remoteAddress: remoteAddress, elapsedSeconds: elapsedSeconds))
  }

  /// The last value of the header field `name`, compared case-insensitively.
  public func header(_ name: String) -> String? {
    let wanted = name.lowercased()
    return headers.last { $0.name.lowercased() == wanted }?.value
  }

  /// The raw `Location` value; the crawler resolves it against `url`.
  public var location: String? { header("Location") }

  /// The raw `Location` of a redirect (a 3xx answer naming one): where the crawler goes next
  /// instead of reading the answer.
  public var redirectLocation: String? { (300..<400).contains(status) ? location : nil }
}
