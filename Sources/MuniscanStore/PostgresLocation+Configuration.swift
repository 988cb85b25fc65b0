import PostgresNIO

/// postgres-nio's settings for a location: endpoint, credentials, TLS as `sslmode` asks, the
/// connect timeout, and a server-enforced read-only session for a store opened only to read.
extension PostgresLocation {
  /// The pool's settings.
  func clientConfiguration(timeout: Duration, readOnly: Bool) -> PostgresClient.Configuration {
    var configuration: PostgresClient.Configuration
    switch endpoint {
    case .tcp(let host, let port):
      let tls: PostgresClient.Configuration.TLS =
        switch (tlsMode, tlsConfiguration) {
        case (.disable, _), (_, nil): .disable
        case (.prefer, let tls?): .prefer(tls)
        case (_, let tls?): .require(tls)
        }
      configuration = .init(
        host: host, port: port, username: user, password: password, database: database, tls: tls)
    case .socket:
      configuration = .init(
        unixSocketPath: socketPath, username: user, password: password, database: database)
    }
    configuration.options.connectTimeout = timeout + connectGrace
    configuration.options.additionalStartupParameters = startupParameters(readOnly: readOnly)
    configuration.options.maximumConnections = 8
    return configuration
  }

  /// The settings of one connection, as the store opens it to check and migrate the schema.
  func connectionConfiguration(timeout: Duration, readOnly: Bool) throws
    -> PostgresConnection.Configuration
  {
    var configuration: PostgresConnection.Configuration
    switch endpoint {
    case .tcp(let host, let port):
      let tls: PostgresConnection.Configuration.TLS =
        switch (tlsMode, tlsConfiguration) {
        case (.disable, _), (_, nil): .disable
        case (.prefer, let tls?): .prefer(try NIOSSLContext(configuration: tls))
        case (_, let tls?): .require(try NIOSSLContext(configuration: tls))
        }
      configuration = .init(
        host: host, port: port, username: user, password: password, database: database, tls: tls)
    case .socket:
      configuration = .init(
        unixSocketPath: socketPath, username: user, password: password, database: database)
    }
    let connectTimeout = timeout + connectGrace
    configuration.options.connectTimeout = .nanoseconds(
      connectTimeout.components.seconds * 1_000_000_000 + connectTimeout.components.attoseconds
        / 1_000_000_000)
    configuration.options.additionalStartupParameters = startupParameters(readOnly: readOnly)
    return configuration
  }

  /// postgres-nio's own connect timeout is the deadline and a little more, so that a server
  /// that does not answer is always told the same way: by the deadline.
  private var connectGrace: Duration { .seconds(1) }

  /// The server's socket file.
  var socketPath: String {
    guard case .socket(let directory, let port) = endpoint else { return "" }
    return (directory.hasSuffix("/") ? directory : directory + "/") + ".s.PGSQL.\(port)"
  }

  /// TLS as libpq's `sslmode` means it; nil for `disable`. `prefer` and `require` encrypt
  /// without checking the certificate, as libpq does.
  private var tlsConfiguration: TLSConfiguration? {
    var tls = TLSConfiguration.makeClientConfiguration()
    switch tlsMode {
    case .disable: return nil
    case .prefer, .require: tls.certificateVerification = .none
    case .verifyCA: tls.certificateVerification = .noHostnameVerification
    case .verifyFull: tls.certificateVerification = .fullVerification
    }
    if let rootCertificate { tls.trustRoots = .file(rootCertificate) }
    return tls
  }

  private func startupParameters(readOnly: Bool) -> [(String, String)] {
    [("application_name", "muniscan")] + (readOnly ? [("default_transaction_read_only", "on")] : [])
  }
}
