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
  /// The fields, behind one reference: responses are passed and returned through every async
  /// frame of a fetch, and a site's task keeps those frames at their deepest (Swift's task
  /// allocator keeps its slabs), so a response is one word in them instead of twelve.
  private final class Storage: @unchecked Sendable {
    var url: String
    var status: Int
    var headers: [HTTPHeader]
    var body: [UInt8]
    var bodyTruncated: Bool
    var rawResponseHead: [UInt8]
    var rawRequestHead: [UInt8]
    var remoteAddress: String?
    var elapsedSeconds: Double

    init(
      url: String, status: Int, headers: [HTTPHeader], body: [UInt8], bodyTruncated: Bool,
      rawResponseHead: [UInt8], rawRequestHead: [UInt8], remoteAddress: String?,
      elapsedSeconds: Double
    ) {
      self.url = url
      self.status = status
      self.headers = headers
      self.body = body
      self.bodyTruncated = bodyTruncated
      self.rawResponseHead = rawResponseHead
      self.rawRequestHead = rawRequestHead
      self.remoteAddress = remoteAddress
      self.elapsedSeconds = elapsedSeconds
    }

    func copy() -> Storage {
      Storage(
        url: url, status: status, headers: headers, body: body, bodyTruncated: bodyTruncated,
        rawResponseHead: rawResponseHead, rawRequestHead: rawRequestHead,
        remoteAddress: remoteAddress, elapsedSeconds: elapsedSeconds)
    }
  }

  private var storage: Storage

  /// The storage, copied first when another response shares it (copy on write).
  private var unique: Storage {
    mutating get {
      if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
      return storage
    }
  }

  /// The URL fetched (redirects are not followed by the client).
  public var url: String {
    get { storage.url }
    set { unique.url = newValue }
  }
  public var status: Int {
    get { storage.status }
    set { unique.status = newValue }
  }
  /// Response header fields in the order received.
  public var headers: [HTTPHeader] {
    get { storage.headers }
    set { unique.headers = newValue }
  }
  /// The body with any content coding (gzip, deflate, br, zstd) removed.
  public var body: [UInt8] {
    get { storage.body }
    set { unique.body = newValue }
  }
  /// True when the decoded body reached the client's `maxBodyBytes` and the rest was dropped.
  public var bodyTruncated: Bool {
    get { storage.bodyTruncated }
    set { unique.bodyTruncated = newValue }
  }
  /// Status line and header lines exactly as received, with CRLFs and the closing empty line.
  public var rawResponseHead: [UInt8] {
    get { storage.rawResponseHead }
    set { unique.rawResponseHead = newValue }
  }
  /// Request line and header lines exactly as sent.
  public var rawRequestHead: [UInt8] {
    get { storage.rawRequestHead }
    set { unique.rawRequestHead = newValue }
  }
  /// The IP address of the peer the response came from.
  public var remoteAddress: String? {
    get { storage.remoteAddress }
    set { unique.remoteAddress = newValue }
  }
  public var elapsedSeconds: Double {
    get { storage.elapsedSeconds }
    set { unique.elapsedSeconds = newValue }
  }

  public init(
    url: String, status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [],
    bodyTruncated: Bool = false, rawResponseHead: [UInt8] = [], rawRequestHead: [UInt8] = [],
    remoteAddress: String? = nil, elapsedSeconds: Double = 0
  ) {
    storage = Storage(
      url: url, status: status, headers: headers, body: body, bodyTruncated: bodyTruncated,
      rawResponseHead: rawResponseHead, rawRequestHead: rawRequestHead,
      remoteAddress: remoteAddress, elapsedSeconds: elapsedSeconds)
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
