import Foundation
import MuniscanHTTP
import Testing

@Suite("HTTPClient responses") struct HTTPClientResponseTests {
  @Test func getReturnsStatusHeadersBodyAndRawHeads() async throws {
    try await withServer({ request in
      .send(
        LoopbackServer.response(
          headers: [("Content-Type", "text/html"), ("X-Dup", "one"), ("X-Dup", "two")],
          text: "<p>hello</p>", for: request))
    }) { server, client in
      let response = try await client.fetch(
        HTTPRequest(
          url: server.url + "/page?x=1", headers: [HTTPHeader(name: "Accept-Language", value: "et")]
        ))
      #expect(response.status == 200)
      #expect(response.url == server.url + "/page?x=1")
      #expect(response.body.text == "<p>hello</p>")
      #expect(!response.bodyTruncated)
      #expect(response.header("content-type") == "text/html")
      #expect(response.header("X-DUP") == "two")
      #expect(response.headers.map(\.name) == ["Content-Type", "X-Dup", "X-Dup", "Content-Length"])
      #expect(
        response.rawResponseHead.text.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"))
      #expect(response.rawResponseHead.text.hasSuffix("Content-Length: 12\r\n\r\n"))
      #expect(response.rawRequestHead.text.hasPrefix("GET /page?x=1 HTTP/1.1\r\n"))
      #expect(response.rawRequestHead.text.hasSuffix("\r\n\r\n"))
      #expect(response.rawRequestHead.text.contains("Accept-Language: et\r\n"))
      #expect(response.remoteAddress == "127.0.0.1")
      // Measured, and within the 20 s timeout (no tighter: the parallel run shares the machine).
      #expect(response.elapsedSeconds > 0 && response.elapsedSeconds < 20)

      let seen = try #require(server.requests.first)
      #expect(seen.method == "GET")
      #expect(seen.target == "/page?x=1")
      #expect(seen.header("User-Agent") == HTTPClientConfiguration.defaultUserAgent)
      #expect(seen.header("Accept-Language") == "et")
      let encodings = seen.header("Accept-Encoding") ?? ""
      #expect(encodings.contains("gzip") && encodings.contains("br"))
      // The request head as recorded is the one the server received.
      #expect(response.rawRequestHead.text == seen.head)
    }
  }

  @Test func headHasNoBody() async throws {
    try await withServer({ request in
      .send(LoopbackServer.response(text: "a body HEAD must not read", for: request))
    }) { server, client in
      let response = try await client.fetch(
        HTTPRequest(url: server.url + "/doc.pdf", method: .head))
      #expect(response.status == 200)
      #expect(response.body.isEmpty)
      #expect(response.header("Content-Length") == "25")
      #expect(server.requests.first?.method == "HEAD")
      #expect(response.rawRequestHead.text.hasPrefix("HEAD /doc.pdf HTTP/1.1\r\n"))
    }
  }

  @Test func errorStatusIsAResponse() async throws {
    try await withServer({ request in
      .send(
        LoopbackServer.response(status: 404, reason: "Not Found", text: "missing", for: request))
    }) { server, client in
      let response = try await client.fetch(HTTPRequest(url: server.url + "/nope"))
      #expect(response.status == 404)
      #expect(response.body.text == "missing")
    }
  }

  @Test func redirectIsReturnedNotFollowed() async throws {
    try await withServer({ request in
      .send(
        LoopbackServer.response(
          status: 301, reason: "Moved Permanently", headers: [("Location", "/new page")],
          text: "", for: request))
    }) { server, client in
      let response = try await client.fetch(HTTPRequest(url: server.url + "/old"))
      #expect(response.status == 301)
      #expect(response.location == "/new page")
      #expect(server.requests.count == 1)
    }
  }

  @Test func customUserAgentOverridesDefault() async throws {
    var configuration = testConfiguration()
    configuration.userAgent = "muniscan-test/1"
    try await withServer(
      configuration: configuration,
      { request in
        .send(LoopbackServer.response(text: "ok", for: request))
      }
    ) { server, client in
      _ = try await client.fetch(HTTPRequest(url: server.url + "/"))
      #expect(server.requests.first?.header("User-Agent") == "muniscan-test/1")
    }
  }

  @Test func onlyTheLastResponseHeadIsKept() async throws {
    let head = "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
    try await withServer({ request in
      .send(Array(head.utf8) + LoopbackServer.response(text: "final", for: request))
    }) { server, client in
      let response = try await client.fetch(HTTPRequest(url: server.url + "/"))
      #expect(response.status == 200)
      #expect(response.body.text == "final")
      #expect(response.rawResponseHead.text == "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")
      #expect(response.header("Link") == nil)
    }
  }

  @Test func trailersAndFoldedHeadersAreHandled() async throws {
    let reply =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Folded: first\r\n  second\r\n"
      + "Trailer: X-Checksum\r\n\r\n5\r\nhello\r\n0\r\nX-Checksum: abc\r\n\r\n"
    try await withServer({ _ in .send(Array(reply.utf8)) }) { server, client in
      let response = try await client.fetch(HTTPRequest(url: server.url + "/"))
      #expect(response.body.text == "hello")
      #expect(response.header("X-Folded") == "first second")
      #expect(response.header("X-Checksum") == nil)
      #expect(response.rawResponseHead.text.hasSuffix("Trailer: X-Checksum\r\n\r\n"))
    }
  }

  @Test func resolveMapsAFictionalHostToLoopback() async throws {
    let server = try LoopbackServer { request in
      .send(LoopbackServer.response(text: "mapped", for: request))
    }
    defer { server.stop() }
    let client = try HTTPClient(
      configuration: testConfiguration(resolve: ["thathost.test:\(server.port):127.0.0.1"]))
    defer { client.shutdown() }
    let response = try await client.fetch(
      HTTPRequest(url: "http://thathost.test:\(server.port)/x"))
    #expect(response.body.text == "mapped")
    #expect(response.remoteAddress == "127.0.0.1")
    #expect(server.requests.first?.header("Host") == "thathost.test:\(server.port)")
  }
}
