import Foundation
import MuniscanHTTP

#if canImport(Glibc)
  import Glibc
#endif

/// Short timeouts so that every test ends within a few seconds.
func testConfiguration(
  maxBodyBytes: Int = 10_000_000, totalTimeout: Double = 20, resolve: [String] = []
) -> HTTPClientConfiguration {
  HTTPClientConfiguration(
    resolve: resolve, connectTimeout: 10, totalTimeout: totalTimeout, maxBodyBytes: maxBodyBytes)
}

/// Runs `body` with a fresh server and client, and stops both afterwards.
func withServer(
  configuration: HTTPClientConfiguration = testConfiguration(),
  _ handler: @escaping @Sendable (LoopbackServer.Request) -> LoopbackServer.Reply,
  _ body: (LoopbackServer, HTTPClient) async throws -> Void
) async throws {
  let server = try LoopbackServer(handler: handler)
  defer { server.stop() }
  let client = try HTTPClient(configuration: configuration)
  defer { client.shutdown() }
  try await body(server, client)
}

/// The `HTTPClientError` a fetch throws, or nil when it returns a response.
func fetchError(_ client: HTTPClient, _ request: HTTPRequest) async -> HTTPClientError? {
  do {
    _ = try await client.fetch(request)
    return nil
  } catch let error as HTTPClientError {
    return error
  } catch {
    return .transfer(url: request.url, code: -1, message: "unexpected error \(error)")
  }
}

/// Seconds `body` took.
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
  let start = ContinuousClock.now
  try await body()
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// A loopback port with nothing listening on it (bound, then closed again).
func closedPort() throws -> UInt16 {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard fd >= 0 else { throw POSIXError(.EIO) }
  defer { close(fd) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
    }
  }
  guard bound else { throw POSIXError(.EADDRINUSE) }
  return UInt16(bigEndian: address.sin_port)
}

extension Array where Element == UInt8 {
  var text: String { String(decoding: self, as: UTF8.self) }
}
