import Foundation
import MuniscanStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What only the PostgreSQL store has: a password, TLS, and a server that may not answer.
@Suite struct PostgresRunStoreTests {
  @Test func aPasswordNeverAppearsInErrorsOrLogs() async throws {
    try await withPasswordUser { role in
      let capture = LogCapture()
      let good = try PostgresLocation(role.url(role.password, "sslmode=disable"))
      let store = try await PostgresRunStore(
        location: good, timeout: StoreHarness.deadline, logger: capture.logger)
      _ = try await store.save(StoreFixtures.scorecard(asOf: "2026-11-20", sites: []))
      #expect(try await store.runs().map(\.id) == ["2026-11-20"])

      var messages: [String] = []
      for (url, reason) in [
        (role.url("wrong", "sslmode=disable"), "password authentication failed for user"),
        (role.url(role.password, "sslmode=disable", database: "nowhere"), "does not exist"),
        (role.url(role.password, "sslmode=disable", port: closedPort()), "Connection refused"),
      ] {
        let error = await #expect(throws: StoreError.self) {
          try await PostgresRunStore(
            location: PostgresLocation(url), timeout: StoreHarness.deadline, logger: capture.logger)
        }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("postgres://\(role.name):***@127.0.0.1:"))
        #expect(message.contains(reason))
        messages.append(message)
      }
      #expect(capture.count > 0)
      for text in messages + [capture.text] {
        #expect(!text.contains(role.password))
        #expect(!text.contains(role.encodedPassword))
      }
    }
  }

  @Test func sslmodeIsHonoured() async throws {
    try await withPasswordUser { role in
      // The test server offers no TLS: prefer and disable connect in the clear, the others refuse.
      for mode in ["disable", "prefer"] {
        let store = try await PostgresRunStore(
          location: PostgresLocation(role.url(role.password, "sslmode=\(mode)")),
          timeout: StoreHarness.deadline)
        #expect(try await store.runs().isEmpty)
      }
      for mode in ["require", "verify-ca", "verify-full"] {
        let url = role.url(role.password, "sslmode=\(mode)")
        let error = await #expect(throws: StoreError.self) {
          try await PostgresRunStore(
            location: PostgresLocation(url), timeout: StoreHarness.deadline)
        }
        #expect(
          error?.description
            == "\(try PostgresLocation(url).description): the server does not offer TLS, which "
            + "sslmode=\(mode) requires")
      }
    }
  }

  @Test func anUnreachableServerIsOneLineWithinTheDeadline() async throws {
    let refused = "postgres://muniscan:secret@127.0.0.1:\(closedPort())/runs?sslmode=disable"
    // Refused at once: said as such, not left to the deadline.
    var error = await #expect(throws: StoreError.self) {
      try await RunStoreLocation(refused).open(timeout: .seconds(30))
    }
    let shownRefused = try PostgresLocation(refused).description
    #expect(
      error?.description == "\(shownRefused): cannot connect to the server (Connection refused)")

    // A server that accepts the connection and never answers: the deadline ends the wait.
    let silent = try SilentListener()
    let url = "postgres://muniscan:secret@127.0.0.1:\(silent.port)/runs?sslmode=disable"
    let waited = await ContinuousClock().measure {
      error = await #expect(throws: StoreError.self) {
        try await RunStoreLocation(url).open(timeout: .seconds(1))
      }
    }
    let shown = try PostgresLocation(url).description
    #expect(error?.description == "\(shown): no answer from the server within 1 s")
    // Not a hang: on a loaded machine the timer itself may run late, so the bound is loose.
    #expect(waited >= .seconds(1) && waited < .seconds(15))
  }

  /// A role with a password, owning a new database of the test server, which it reaches over
  /// TCP on 127.0.0.1 (where the server asks for the password); dropped afterwards.
  private func withPasswordUser(_ body: (PasswordUser) async throws -> Void) async throws {
    let server = try TestServer.url()
    let name = "muniscan_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let user = PasswordUser(
      name: name, password: "pw/\(UUID().uuidString)@x?y",
      port: Int(try await TestServer.execute("SHOW port", at: server)[0][0] ?? "") ?? 0)
    try await TestServer.execute(
      "CREATE ROLE \(name) LOGIN PASSWORD '\(user.password)'", at: server)
    try await TestServer.execute("CREATE DATABASE \(name) OWNER \(name)", at: server)
    do {
      try await body(user)
    } catch {
      Issue.record(error)
    }
    try await TestServer.execute("DROP DATABASE \(name) WITH (FORCE)", at: server)
    try await TestServer.execute("DROP ROLE \(name)", at: server)
  }

  private struct PasswordUser {
    var name: String
    var password: String
    var port: Int

    var encodedPassword: String {
      password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
    }

    func url(_ password: String, _ query: String, database: String? = nil, port: Int? = nil)
      -> String
    {
      let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
      return
        "postgres://\(name):\(encoded)@127.0.0.1:\(port ?? self.port)/\(database ?? name)?\(query)"
    }
  }
}

/// A port on 127.0.0.1 that nothing listens on (it was free a moment ago).
private func closedPort() -> Int {
  let listener = try? SilentListener()
  return listener?.port ?? 9
}

/// A TCP socket on 127.0.0.1 that takes connections (the kernel completes them) and never
/// says a word: a server that hangs.
private final class SilentListener {
  let descriptor: Int32
  let port: Int

  init() throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    self.descriptor = descriptor
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
        bind(descriptor, address, length) == 0 && listen(descriptor, 8) == 0
          && getsockname(descriptor, address, &length) == 0
      }
    }
    try #require(bound, "cannot listen on 127.0.0.1")
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit { close(descriptor) }
}
