import FixtureServer
import Foundation
import Testing

/// One server on several loopback addresses, one port: each address a host of its own.
@Suite struct AddressesTests {
  @Test func listensOnEveryAddressOnOnePort() async throws {
    let server = try await FixtureServer.start(addresses: ["127.0.0.1", "127.0.0.2", "127.0.0.3"]) {
      request in
      .text(request.host)
    }
    defer { Task { try? await server.stop() } }
    for address in ["127.0.0.1", "127.0.0.2", "127.0.0.3"] {
      let result = try await curl(["--max-time", "20", "http://\(address):\(server.port)/"])
      #expect(result.text == address)
    }
    #expect(server.requestLog.count == 3)
    try await server.stop()
  }

  @Test func aBusyPortOnALaterAddressFailsCleanly() async throws {
    let first = try await FixtureServer.start(addresses: ["127.0.0.2"]) { _ in .notFound }
    await #expect(throws: FixtureServerError.self) {
      _ = try await FixtureServer.start(addresses: ["127.0.0.1", "127.0.0.2"], port: first.port) {
        _ in .notFound
      }
    }
    try await first.stop()
  }
}
