import Foundation
import MuniscanHTTP
import Testing

@Suite("HTTPClient concurrency, cancellation and shutdown") struct HTTPClientConcurrencyTests {
  @Test func fiftyConcurrentFetchesCompleteOverFewConnections() async throws {
    try await withServer({ request in
      .send(LoopbackServer.response(text: "page \(request.target)", for: request))
    }) { server, client in
      let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
        for index in 0..<50 {
          group.addTask {
            let response = try await client.fetch(HTTPRequest(url: server.url + "/p\(index)"))
            #expect(response.status == 200)
            return (index, response.body.text)
          }
        }
        var bodies: [Int: String] = [:]
        for try await (index, body) in group { bodies[index] = body }
        return bodies
      }
      #expect(bodies.count == 50)
      for index in 0..<50 { #expect(bodies[index] == "page /p\(index)") }
      #expect(server.requests.count == 50)
      // Connections are kept alive and reused, and never more than two to one host.
      #expect(server.connections <= 2)
    }
  }

  /// A crawl asks many hosts in turn, one request at a time: each host's connection stays open
  /// for its next request (libcurl's own default kept four idle connections per transfer in
  /// progress, so with one in progress every request to twelve hosts connected anew).
  @Test func manyHostsAskedInTurnKeepTheirConnections() async throws {
    // The servers keep an idle connection a minute: on a machine busy with the rest of the
    // suite a round once took over the default 5 s, and a server closed its connection.
    let servers = try (0..<12).map { _ in
      try LoopbackServer(idleSeconds: 60) {
        .send(LoopbackServer.response(text: "page \($0.target)", for: $0))
      }
    }
    defer { for server in servers { server.stop() } }
    let client = try HTTPClient(configuration: testConfiguration())
    defer { client.shutdown() }
    for round in 0..<3 {
      for server in servers {
        let response = try await client.fetch(HTTPRequest(url: server.url + "/p\(round)"))
        #expect(response.body.text == "page /p\(round)")
      }
    }
    #expect(servers.map(\.connections) == Array(repeating: 1, count: 12))
  }

  @Test func cancellingAStalledFetchThrowsCancelledQuickly() async throws {
    try await withServer(
      configuration: testConfiguration(totalTimeout: 60),
      { _ in .stall(Array("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n".utf8)) }
    ) {
      server, client in
      let url = server.url + "/stalled"
      let task = Task { await fetchError(client, HTTPRequest(url: url)) }
      try await server.waitForRequests(1)
      var error: HTTPClientError?
      let elapsed = await seconds {
        task.cancel()
        error = await task.value
      }
      #expect(error == .cancelled(url: url))
      #expect(elapsed < 20)  // ended by the cancellation, not by the 60 s timeout
    }
  }

  @Test func fetchInAnAlreadyCancelledTaskThrowsCancelled() async throws {
    try await withServer({ request in .send(LoopbackServer.response(text: "x", for: request)) }) {
      server, client in
      let url = server.url + "/"
      let task = Task {
        while !Task.isCancelled { await Task.yield() }
        return await fetchError(client, HTTPRequest(url: url))
      }
      task.cancel()
      #expect(await task.value == .cancelled(url: url))
      #expect(server.requests.isEmpty)
    }
  }

  @Test func cancellationLeavesOtherFetchesAlone() async throws {
    try await withServer({ request in
      request.target == "/stall"
        ? .stall(Array("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n".utf8))
        : .send(LoopbackServer.response(text: "fine", for: request))
    }) { server, client in
      let stalled = Task { await fetchError(client, HTTPRequest(url: server.url + "/stall")) }
      try await server.waitForRequests(1)
      stalled.cancel()
      #expect(await stalled.value == .cancelled(url: server.url + "/stall"))
      let response = try await client.fetch(HTTPRequest(url: server.url + "/ok"))
      #expect(response.body.text == "fine")
    }
  }

  @Test func shutdownFailsPendingFetchesAndLaterOnes() async throws {
    try await withServer(
      configuration: testConfiguration(totalTimeout: 60),
      { _ in .stall(Array("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n".utf8)) }
    ) {
      server, client in
      let pending = (0..<3).map { index in
        Task { await fetchError(client, HTTPRequest(url: server.url + "/p\(index)")) }
      }
      try await server.waitForRequests(2)
      let elapsed = await seconds {
        client.shutdown()
        for task in pending { #expect(await task.value == .shutDown) }
      }
      #expect(elapsed < 20)  // ended by the shutdown, not by the 60 s timeout
      client.shutdown()  // idempotent
      #expect(await fetchError(client, HTTPRequest(url: server.url + "/late")) == .shutDown)
    }
  }

  @Test func concurrentShutdownsAreSafe() async throws {
    let client = try HTTPClient(configuration: testConfiguration())
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 { group.addTask { client.shutdown() } }
    }
    #expect(await fetchError(client, HTTPRequest(url: "http://127.0.0.1:1/")) == .shutDown)
  }

  @Test func releasedClientCleansUpItsThread() async throws {
    let server = try LoopbackServer { request in
      .send(LoopbackServer.response(text: "x", for: request))
    }
    defer { server.stop() }
    for _ in 0..<20 {
      let client = try HTTPClient(configuration: testConfiguration())
      let response = try await client.fetch(HTTPRequest(url: server.url + "/"))
      #expect(response.status == 200)
    }  // each client is released here; deinit shuts it down and joins its thread
  }
}
