import FixtureServer
import Foundation
import Testing

/// The hostile behaviours, as curl (with --max-time) sees them.
@Suite struct HostileResponseTests {
  private func url(_ server: FixtureServer) -> [String] {
    resolve("naidisvald.ee", port: server.port) + ["http://www.naidisvald.ee:\(server.port)/"]
  }

  @Test func slowBodyTricklesInFull() async throws {
    let body = Array("0123456789".utf8)
    let response = FixtureResponse.slow(
      body: body, contentType: "text/plain", chunkSize: 2, interval: 0.1)
    try await withServer(answering: response) { server in
      let result = try await curl(url(server))
      #expect(result.exitCode == 0)
      #expect(result.body == body)
      #expect(result.seconds >= 0.35)
      let cut = try await curl(["--max-time", "0.25"] + url(server))
      #expect(cut.exitCode == 28)  // timed out
      #expect(cut.body.count < body.count)
    }
  }

  @Test(arguments: [true, false])
  func stallKeepsTheClientWaiting(afterHeaders: Bool) async throws {
    try await withServer(answering: .stall(afterHeaders: afterHeaders)) { server in
      // A generous limit, so a loaded machine (the whole suite runs at once on two cores) still
      // gets the head before curl gives up.
      let result = try await curl(["--max-time", "6", "-w", "%{http_code}"] + url(server))
      #expect(result.exitCode == 28)
      #expect(result.writeOut == (afterHeaders ? "200" : "000"))
      #expect(result.seconds >= 5.9)
    }
  }

  @Test func resetClosesWithoutAResponse() async throws {
    try await withServer(answering: .reset) { server in
      let result = try await curl(["--max-time", "20", "-w", "%{http_code}"] + url(server))
      #expect(result.exitCode == 56)  // "Recv failure: Connection reset by peer"
      #expect(result.writeOut == "000")
      #expect(server.requestLog.count == 1)
    }
  }

  @Test func delayedWaitsThenAnswers() async throws {
    try await withServer(answering: .delayed(seconds: 0.4, .html("late"))) { server in
      let result = try await curl(["--max-time", "20"] + url(server))
      #expect(result.exitCode == 0)
      #expect(result.text == "late")
      #expect(result.seconds >= 0.35)
      let impatient = try await curl(["--max-time", "0.2"] + url(server))
      #expect(impatient.exitCode == 28)
    }
  }

  @Test func statusWithHeaders() async throws {
    let response = FixtureResponse.status(429, headers: [("Retry-After", "7")])
    try await withServer(answering: response) { server in
      let result = try await curl(["-i", "-w", "%{http_code}"] + url(server))
      #expect(result.writeOut == "429")
      #expect(result.text.contains("Retry-After: 7\r\n"))
      #expect(result.text.contains("Content-Length: 0\r\n"))
    }
  }

  @Test func chunkedForeverRunsUntilTheClientLeaves() async throws {
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 4096)
    let server = try await FixtureServer.start { request in
      request.path == "/forever" ? .chunkedForever(chunk: chunk) : .html("fine")
    }
    let port = server.port
    let args = resolve("naidisvald.ee", port: port)
    // Rate-limited so three seconds of an endless body stay small, even on a slow machine.
    let result = try await curl(
      args + [
        "--max-time", "3", "--limit-rate", "100k", "-w", "%{http_code}",
        "http://naidisvald.ee:\(port)/forever",
      ])
    #expect(result.exitCode == 28)
    #expect(result.writeOut == "200")
    #expect(result.body.count > 64 * 1024)
    #expect(result.body.allSatisfy { $0 == UInt8(ascii: "a") })
    // The server survived the client walking away mid-body.
    let next = try await curl(args + ["http://naidisvald.ee:\(port)/"])
    #expect(next.text == "fine")
    let head = try await curl(
      args + ["-I", "--max-time", "20", "http://naidisvald.ee:\(port)/forever"])
    #expect(head.exitCode == 0)
    #expect(head.text.lowercased().contains("transfer-encoding: chunked"))
    try await server.stop()
  }

  @Test func gzipBodiesDecodeWithCurl() async throws {
    let page = Array(
      (String(repeating: "<p>Näidisvald   eelarve 2025</p>\n", count: 200) + "aaaaaaaaaa!").utf8)
    let server = try await FixtureServer.start { request in
      request.path == "/bomb"
        ? .gzipBomb(expandedSize: 3_000_000)
        : .gzip(body: page, contentType: "text/html; charset=utf-8")
    }
    let port = server.port
    let args = resolve("naidisvald.ee", port: port) + ["--compressed", "-w", "%{size_download}"]
    let result = try await curl(args + ["-i", "http://naidisvald.ee:\(port)/"])
    #expect(result.exitCode == 0)
    #expect(result.text.contains("Content-Encoding: gzip\r\n"))
    #expect(result.text.hasSuffix(String(decoding: page, as: UTF8.self)))
    let bomb = try await curl(args + ["http://naidisvald.ee:\(port)/bomb"])
    #expect(bomb.exitCode == 0)
    #expect(bomb.body.count == 3_000_000)
    #expect(bomb.body.allSatisfy { $0 == 0x20 })
    #expect((Int(bomb.writeOut) ?? .max) < 30_000)
    try await server.stop()
  }
}
