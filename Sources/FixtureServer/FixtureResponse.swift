/// What the fixture server sends back: ordinary responses and the hostile behaviours a
/// crawler must survive. The server answers `HEAD` with the same head and no body.
public indirect enum FixtureResponse: Sendable {
  /// `200 OK` with a fixed body (`Content-Length`) and optional extra headers.
  case ok(body: [UInt8], contentType: String, headers: [(String, String)] = [])
  /// Any status with a fixed body, e.g. 404, 500, 429 with `Retry-After`, 301 with `Location`.
  /// A non-empty body without a `Content-Type` header is sent as `text/html; charset=utf-8`.
  case status(Int, body: [UInt8] = [], headers: [(String, String)] = [])
  /// `200 OK` with `Content-Encoding: gzip`; the server compresses `body` itself (see
  /// ``FixtureGzip/compress(_:)``).
  case gzip(body: [UInt8], contentType: String)
  /// `200 OK` with bytes that are already encoded, sent as they are with the given
  /// `Content-Encoding` (e.g. a gzip bomb from ``FixtureGzip/bomb(expandedSize:byte:)``).
  case rawEncoded(body: [UInt8], contentEncoding: String, contentType: String)
  /// `200 OK` whose body trickles out `chunkSize` bytes at a time, `interval` seconds apart
  /// (the first chunk right after the head). `Content-Length` is the whole body's.
  case slow(body: [UInt8], contentType: String, chunkSize: Int, interval: Double)
  /// Sends a `200` head promising 1,000,000 bytes (or nothing at all) and then nothing more
  /// until the client gives up or the server stops.
  case stall(afterHeaders: Bool)
  /// Closes the connection without a response, with a TCP RST (`SO_LINGER` 0).
  case reset
  /// `200 OK` with a chunked body that repeats `chunk` until the client closes the connection.
  case chunkedForever(chunk: [UInt8])
  /// Waits `seconds` before sending the wrapped response.
  case delayed(seconds: Double, FixtureResponse)
}

extension FixtureResponse {
  /// `200 OK` with an HTML page in UTF-8.
  public static func html(_ text: String, headers: [(String, String)] = []) -> FixtureResponse {
    .ok(body: Array(text.utf8), contentType: "text/html; charset=utf-8", headers: headers)
  }

  /// `200 OK` with plain text in UTF-8 (or another text type, e.g. `application/xml`).
  public static func text(
    _ text: String, contentType: String = "text/plain; charset=utf-8"
  ) -> FixtureResponse {
    .ok(body: Array(text.utf8), contentType: contentType)
  }

  /// A redirect (301 by default) to `location`, with a small HTML body.
  public static func redirect(to location: String, status: Int = 301) -> FixtureResponse {
    .status(
      status,
      body: Array("<!doctype html><title>Moved</title><a href=\"\(location)\">moved</a>\n".utf8),
      headers: [("Location", location)])
  }

  /// `404 Not Found` with a small HTML body.
  public static var notFound: FixtureResponse {
    let page =
      "<!doctype html><html lang=\"en\"><head><title>404 Not Found</title></head>"
      + "<body><h1>Not Found</h1></body></html>\n"
    return .status(404, body: Array(page.utf8))
  }

  /// A gzip bomb: a small gzip body that inflates to `expandedSize` bytes of spaces.
  public static func gzipBomb(
    expandedSize: Int, contentType: String = "text/html; charset=utf-8"
  ) -> FixtureResponse {
    .rawEncoded(
      body: FixtureGzip.bomb(expandedSize: expandedSize), contentEncoding: "gzip",
      contentType: contentType)
  }
}
