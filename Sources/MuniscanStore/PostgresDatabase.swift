import Foundation
import Logging
import PostgresNIO

/// One PostgreSQL database as the run store and the work queue use it: a `PostgresClient` pool
/// running in a task this object owns, a deadline on every call, and every failure turned into
/// one line naming the (redacted) URL. The schema is checked and brought up to date when it is
/// opened.
final class PostgresDatabase: Sendable {
  let location: PostgresLocation
  let timeout: Duration
  let logger: Logger
  private let client: PostgresClient
  private let runner: Task<Void, Never>

  /// Connects once to check the schema (and, unless `readOnly`, to create or upgrade it), so a
  /// wrong host, password, database or `sslmode` is reported at once with the server's reason,
  /// then starts the pool. A read-only database runs in read-only sessions: the server itself
  /// refuses any write.
  init(location: PostgresLocation, readOnly: Bool, timeout: Duration, logger: Logger) async throws {
    self.location = location
    self.timeout = timeout
    self.logger = logger
    let configuration = try Self.describing(location, timeout: timeout) {
      try location.connectionConfiguration(timeout: timeout, readOnly: readOnly)
    }
    try await Self.describing(location, timeout: timeout) {
      try await withDeadline(timeout) {
        let connection = try await PostgresConnection.connect(
          configuration: configuration, id: 0, logger: logger)
        do {
          try await PostgresSchema.prepare(
            connection, readOnly: readOnly, store: location.description, logger: logger)
        } catch {
          try? await connection.close()
          throw error
        }
        try await connection.close()
      }
    }
    let client = PostgresClient(
      configuration: location.clientConfiguration(timeout: timeout, readOnly: readOnly),
      backgroundLogger: logger)
    self.client = client
    // The pool opens and checks its connections in this task, on the store's own thread too.
    runner = Task(executorPreference: DatabaseExecutor.shared) { await client.run() }
  }

  deinit { runner.cancel() }

  /// Runs `body` with a pooled connection, within the deadline.
  func withConnection<T: Sendable>(
    _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
  ) async throws -> T {
    try await Self.describing(location, timeout: timeout) { [client, logger, timeout] in
      try await withDeadline(timeout) {
        try await client.withConnection { connection in try await body(connection, logger) }
      }
    }
  }

  /// Runs `body` in one transaction, within the deadline: committed when it returns, rolled
  /// back when it throws (a `StoreError` or `QueueError` is rethrown as it is). A deadline that
  /// passes during the commit leaves the outcome unknown to the caller.
  func transaction<T: Sendable>(
    _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
  ) async throws -> T {
    try await withConnection { connection, logger in
      try await connection.withTransaction(logger: logger) { connection in
        try await body(connection, logger)
      }
    }
  }

  /// Runs `body`, turning any failure that is not already a `StoreError` or `QueueError` (also
  /// inside a failed transaction) into one line naming the location.
  private static func describing<T>(
    _ location: PostgresLocation, timeout: Duration, _ body: () async throws -> T
  ) async throws -> T {
    do {
      return try await body()
    } catch {
      let inner = (error as? PostgresTransactionError).flatMap {
        $0.closureError ?? $0.beginError ?? $0.commitError
      }
      switch inner ?? error {
      case let error as StoreError: throw error
      case let error as QueueError: throw error
      case let error:
        throw StoreError("\(location): \(reason(error, timeout: timeout, tls: location.tlsMode))")
      }
    }
  }

  private static func describing<T>(
    _ location: PostgresLocation, timeout: Duration, _ body: () throws -> T
  ) throws -> T {
    do {
      return try body()
    } catch {
      throw StoreError("\(location): \(reason(error, timeout: timeout, tls: location.tlsMode))")
    }
  }

  /// Why a call failed, in words; never the password, which no error here holds.
  private static func reason(
    _ error: any Error, timeout: Duration, tls: PostgresLocation.TLSMode
  ) -> String {
    switch error {
    case is DeadlineExceeded:
      return "no answer from the server within \(timeout.components.seconds) s"
    case is CancellationError:
      return "cancelled"
    case let error as IOError:
      return String(cString: strerror(error.errnoCode))
    case let error as NIOConnectionError:
      let causes = error.connectionErrors.map { reason($0.error, timeout: timeout, tls: tls) }
      let lookup = (error.dnsAError ?? error.dnsAAAAError).map {
        "cannot look up the host: \(reason($0, timeout: timeout, tls: tls))"
      }
      return causes.first ?? lookup ?? "\(error)"
    case let error as PSQLError:
      switch error.code {
      case .server:
        let message = error.serverInfo?[.message] ?? "the server refused the request"
        let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
        return message + state
      case .connectionError:
        let cause = error.underlying.map { reason($0, timeout: timeout, tls: tls) }
        return "cannot connect to the server" + (cause.map { " (\($0))" } ?? "")
      case .serverClosedConnection, .uncleanShutdown:
        return "the server closed the connection"
      case .sslUnsupported:
        return "the server does not offer TLS, which sslmode=\(tls.rawValue) requires"
      case .failedToAddSSLHandler:
        return "TLS could not be set up"
      case .authMechanismRequiresPassword:
        return "the server asks for a password and the URL gives none"
      case .unsupportedAuthMechanism:
        return "the server asks for an authentication method muniscan does not support"
      default:
        return "\(error.code)"
      }
    default:
      return "\(error)"
    }
  }
}
