import FixtureServer
import Foundation
import Testing

/// Starting, logging and stopping.
@Suite struct LifecycleTests {
  @Test func requestLogRecordsHostsPathsHeadersAndTimes() async throws {
    try await withStaticSites { server, _ in
      let port = server.port
      let args = resolve("naidisvald.ee", "teine.ee", port: port) + ["-A", "muniscan-test/1.0"]
      _ = try await curl(args + ["http://www.naidisvald.ee:\(port)/robots.txt"])
      try await Task.sleep(for: .milliseconds(200))
      _ = try await curl(args + ["http://teine.ee:\(port)/?a=1"])
      let log = server.requestLog
      #expect(log.count == 2)
      #expect(log.map(\.host) == ["www.naidisvald.ee", "teine.ee"])
      #expect(log.map(\.target) == ["/robots.txt", "/?a=1"])
      #expect(log.map(\.method) == ["GET", "GET"])
      #expect(log.first?.headers["user-agent"] == "muniscan-test/1.0")
      #expect(log.first?.headers["host"] == "www.naidisvald.ee:\(port)")
      #expect(log[1].receivedAt - log[0].receivedAt >= 0.19)
      #expect(log[1].receivedAt <= FixtureRequest.monotonicNow)
    }
  }

  @Test func stopReturnsPromptlyWithAStalledConnection() async throws {
    let server = try await FixtureServer.start { _ in .stall(afterHeaders: true) }
    let port = server.port
    let client = Task {
      try await curl(
        resolve("naidisvald.ee", port: port) + [
          "--max-time", "30", "http://naidisvald.ee:\(port)/",
        ])
    }
    let deadline = FixtureRequest.monotonicNow + 10
    while server.requestLog.isEmpty, FixtureRequest.monotonicNow < deadline {
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(server.requestLog.count == 1)
    let start = FixtureRequest.monotonicNow
    try await server.stop()
    // Stopping closed the stalled connection instead of waiting for curl's 30 s limit (the
    // margins allow a loaded machine).
    #expect(FixtureRequest.monotonicNow - start < 10)
    let result = try await client.value
    // The connection was closed: after the head (18, partial file) or, when the stop came
    // before the head was sent, with nothing (52, empty reply).
    #expect([18, 52].contains(result.exitCode))
    #expect(result.seconds < 20)
    try await server.stop()  // idempotent
  }

  @Test func stopWaitsForAHandlerStillRunning() async throws {
    let server = try await FixtureServer.start { _ in
      try? await Task.sleep(for: .seconds(30))  // cut short by stop()'s cancellation
      return .html("late")
    }
    let port = server.port
    let client = Task {
      try await curl(
        resolve("naidisvald.ee", port: port) + [
          "--max-time", "10", "http://naidisvald.ee:\(port)/",
        ])
    }
    while server.requestLog.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
    let start = FixtureRequest.monotonicNow
    try await server.stop()
    // Cut the handler's 30 s sleep short (wide margin for a loaded machine).
    #expect(FixtureRequest.monotonicNow - start < 10)
    #expect(try await client.value.exitCode == 52)  // empty reply
  }

  @Test func aPortInUseIsReported() async throws {
    let first = try await FixtureServer.start { _ in .html("one") }
    await #expect(throws: FixtureServerError.self) {
      _ = try await FixtureServer.start(port: first.port) { _ in .html("two") }
    }
    try await first.stop()
  }

  @Test func manyConcurrentClients() async throws {
    try await withStaticSites { server, _ in
      let port = server.port
      try await withThrowingTaskGroup(of: String.self) { group in
        for _ in 0..<8 {
          group.addTask {
            try await curl(
              resolve("naidisvald.ee", port: port) + ["http://naidisvald.ee:\(port)/kontakt"]
            ).text
          }
        }
        for try await text in group { #expect(text == "<p>kontakt</p>\n") }
      }
      #expect(server.requestLog.count == 8)
    }
  }
}
