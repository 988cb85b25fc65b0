import Foundation
import MuniscanHTTP
import Testing

@Suite("HTTPClient failures") struct HTTPClientErrorTests {
  @Test func closedPortIsAConnectError() async throws {
    let port = try closedPort()
    let client = try HTTPClient(configuration: testConfiguration())
    defer { client.shutdown() }
    let url = "http://127.0.0.1:\(port)/"
    let error = await fetchError(client, HTTPRequest(url: url))
    guard case .connect(let failedURL, _) = error else {
      Issue.record("expected .connect, got \(String(describing: error))")
      return
    }
    #expect(failedURL == url)
    #expect(error?.description.hasPrefix("\(url): could not connect") == true)
  }

  @Test func unresolvableHostIsADNSError() async throws {
    // A 64-character label is not a valid DNS name, so the resolver fails it locally: no query
    // leaves the machine.
    let url = "http://\(String(repeating: "a", count: 64)).invalid/"
    let client = try HTTPClient(configuration: testConfiguration(totalTimeout: 60))
    defer { client.shutdown() }
    var error: HTTPClientError?
    let elapsed = await seconds { error = await fetchError(client, HTTPRequest(url: url)) }
    guard case .dns(let failedURL, _) = error else {
      Issue.record("expected .dns, got \(String(describing: error))")
      return
    }
    #expect(failedURL == url)
    // Failed locally rather than waiting out the 60 s total timeout (margins allow a loaded CI).
    #expect(elapsed < 20)
    let description = error!.description
    #expect(description.hasPrefix("\(url): could not resolve host"))
    #expect(!description.contains("\n"))
  }

  @Test func stalledServerTimesOutWithinTheTotalTimeout() async throws {
    try await withServer(
      configuration: testConfiguration(totalTimeout: 1),
      { _ in .stall(Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc".utf8)) }
    ) { server, client in
      var error: HTTPClientError?
      let elapsed = await seconds {
        error = await fetchError(client, HTTPRequest(url: server.url + "/slow"))
      }
      guard case .timeout = error else {
        Issue.record("expected .timeout, got \(String(describing: error))")
        return
      }
      // Waited for the 1 s total timeout, and gave up instead of hanging (wide margin for load).
      #expect(elapsed >= 0.9 && elapsed < 15)
    }
  }

  @Test func slowTransferHitsTheLowSpeedLimit() async throws {
    var configuration = testConfiguration(totalTimeout: 60)
    configuration.lowSpeedLimit = 1000
    configuration.lowSpeedTime = 1
    try await withServer(
      configuration: configuration,
      { _ in .stall(Array("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".utf8)) }
    ) { server, client in
      var error: HTTPClientError?
      let elapsed = await seconds {
        error = await fetchError(client, HTTPRequest(url: server.url + "/trickle"))
      }
      guard case .timeout = error else {
        Issue.record("expected .timeout, got \(String(describing: error))")
        return
      }
      // Ended by the 1 s low-speed limit, long before the 60 s total timeout.
      #expect(elapsed < 30)
    }
  }

  @Test(arguments: [
    "ftp://127.0.0.1/file", "file:///etc/passwd", "not a url", "http://", "gopher://x/",
    "/relative/path", "",
  ])
  func onlyHTTPAndHTTPSURLsAreFetched(url: String) async throws {
    let client = try HTTPClient(configuration: testConfiguration())
    defer { client.shutdown() }
    let error = await fetchError(client, HTTPRequest(url: url))
    #expect(error == .invalidURL(url))
  }

  @Test func abruptCloseIsATransferError() async throws {
    try await withServer({ _ in .close }) { server, client in
      let error = await fetchError(client, HTTPRequest(url: server.url + "/"))
      guard case .transfer(_, let code, _) = error else {
        Issue.record("expected .transfer, got \(String(describing: error))")
        return
      }
      #expect(code == 52 || code == 56)  // CURLE_GOT_NOTHING, or CURLE_RECV_ERROR on a reset
    }
  }

  @Test func truncatedBodyWithoutCapIsAnError() async throws {
    try await withServer({ _ in
      .sendAndClose(Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc".utf8))
    }) { server, client in
      // The server closes after 3 of 100 promised bytes: CURLE_PARTIAL_FILE.
      let error = await fetchError(client, HTTPRequest(url: server.url + "/"))
      guard case .transfer(_, let code, _) = error else {
        Issue.record("expected .transfer, got \(String(describing: error))")
        return
      }
      #expect(code == 18)
    }
  }

  @Test func tlsFailureIsATLSError() async throws {
    // A plain-text server on an https URL: the TLS handshake reads an HTTP reply.
    let server = try LoopbackServer(
      greeting: Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8)
    ) { _ in .close }
    defer { server.stop() }
    let client = try HTTPClient(configuration: testConfiguration())
    defer { client.shutdown() }
    let error = await fetchError(client, HTTPRequest(url: "https://127.0.0.1:\(server.port)/"))
    guard case .tls = error else {
      Issue.record("expected .tls, got \(String(describing: error))")
      return
    }
  }

  @Test func descriptionsAreOneLineAndNameTheURL() {
    let cases: [HTTPClientError] = [
      .invalidURL("ftp://x/"), .dns(url: "http://x.invalid/", message: "Could not\nresolve"),
      .connect(url: "http://a/", message: "refused"), .timeout(url: "http://a/", message: ""),
      .tls(url: "https://a/", message: "bad cert"),
      .transfer(url: "http://a/", code: 52, message: "Empty reply from server"),
      .cancelled(url: "http://a/"),
    ]
    for error in cases {
      #expect(!error.description.contains("\n"))
      #expect(error.description.contains("://"))
    }
    #expect(
      HTTPClientError.dns(url: "http://x.invalid/", message: "").description
        == "http://x.invalid/: could not resolve host")
    #expect(HTTPClientError.shutDown.description == "HTTP client was shut down")
  }
}
