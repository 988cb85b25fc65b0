import Foundation

/// A PostgreSQL server and database named by a libpq-style URL
/// (`postgres://user:password@host:port/database?sslmode=require`). It exists so the password
/// never leaves it: every description of a location, in messages and logs, shows `***` instead.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  /// Where the server listens.
  public enum Endpoint: Sendable, Hashable {
    case tcp(host: String, port: Int)
    /// The folder holding the server's socket (`host=/path` in the URL); the socket itself is
    /// `.s.PGSQL.PORT` in it.
    case socket(directory: String, port: Int)
  }

  /// libpq's `sslmode`: whether TLS is tried, required and verified. Unix sockets never use TLS.
  public enum TLSMode: String, Sendable, Hashable, CaseIterable {
    /// No TLS.
    case disable
    /// TLS when the server offers it, unverified (libpq's default).
    case prefer
    /// TLS or no connection, unverified.
    case require
    /// TLS with the server's certificate verified against the trusted roots.
    case verifyCA = "verify-ca"
    /// TLS with the certificate verified and its name matching the host.
    case verifyFull = "verify-full"
  }

  public var endpoint: Endpoint
  public var user: String
  public var database: String
  public var tlsMode: TLSMode
  /// A PEM file of trusted roots (`sslrootcert`), instead of the system's.
  public var rootCertificate: String?
  var password: String?
  /// The URL as given, with the password replaced by `***`.
  public let description: String

  public var debugDescription: String { description }
  public var customMirror: Mirror { Mirror(self, children: ["url": description]) }

  /// The socket folder of Debian's PostgreSQL, where libpq looks when a URL names no host.
  static let defaultSocketDirectory = "/var/run/postgresql"

  /// Whether `value` is meant as a PostgreSQL URL rather than a file.
  public static func isURL(_ value: String) -> Bool {
    let lowered = value.lowercased()
    return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
  }

  /// Reads a URL; throws a `StoreError` naming the (redacted) URL and the part that is wrong.
  public init(_ url: String) throws {
    description = Self.redact(url)
    let fail = { [description] (problem: String) in StoreError("\(description): \(problem)") }
    guard let schemeEnd = url.range(of: "://"), Self.isURL(url) else {
      throw fail("not a postgres:// or postgresql:// URL")
    }
    let rest = url[schemeEnd.upperBound...]
    let beforeQuery = rest.prefix { $0 != "?" }
    let authority = beforeQuery.prefix { $0 != "/" }
    let path = beforeQuery.dropFirst(authority.count).drop { $0 == "/" }
    var parameters: [String: String] = [:]
    for pair in rest.dropFirst(beforeQuery.count + 1).split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, let key = parts[0].removingPercentEncoding,
        let value = parts[1].removingPercentEncoding
      else { throw fail("malformed parameter '\(Self.redact(String(pair)))'") }
      guard Self.parameters.contains(key) else {
        throw fail(
          "unknown parameter '\(key)' (known: \(Self.parameters.sorted().joined(separator: ", ")))")
      }
      parameters[key] = value
    }

    var hostPort = Substring(authority)
    var user: String?
    if let at = authority.lastIndex(of: "@") {
      let userInfo = authority[..<at]
      hostPort = authority[authority.index(after: at)...]
      let name = userInfo.prefix { $0 != ":" }
      user = try Self.decode(name, "user name", fail)
      if name.count < userInfo.count {
        password = try Self.decode(userInfo.dropFirst(name.count + 1), "password", fail)
      }
    }
    password = parameters["password"] ?? password
    self.user = parameters["user"] ?? user.flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()

    var host = hostPort
    var portText: Substring?
    if hostPort.hasPrefix("[") {
      guard let close = hostPort.firstIndex(of: "]") else { throw fail("unclosed '[' in the host") }
      host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
      let after = hostPort[hostPort.index(after: close)...]
      if after.hasPrefix(":") { portText = after.dropFirst() }
    } else if let colon = hostPort.lastIndex(of: ":") {
      host = hostPort[..<colon]
      portText = hostPort[hostPort.index(after: colon)...]
    }
    if host.contains(",") { throw fail("several hosts are not supported") }
    let portValue = parameters["port"] ?? portText.map(String.init) ?? "5432"
    guard let port = Int(portValue), (1...65535).contains(port) else {
      throw fail("port '\(portValue)' is not a number from 1 to 65535")
    }
    let hostName = try parameters["host"] ?? Self.decode(host, "host", fail)
    if hostName.isEmpty {
      endpoint = .socket(directory: Self.defaultSocketDirectory, port: port)
    } else if hostName.hasPrefix("/") {
      endpoint = .socket(directory: hostName, port: port)
    } else {
      endpoint = .tcp(host: hostName, port: port)
    }

    let name = try Self.decode(path, "database name", fail)
    database = parameters["dbname"] ?? (name.isEmpty ? self.user : name)
    let mode = parameters["sslmode"] ?? TLSMode.prefer.rawValue
    guard let tlsMode = TLSMode(rawValue: mode) else {
      let known = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
      throw fail("unknown sslmode '\(mode)' (\(known))")
    }
    self.tlsMode = tlsMode
    rootCertificate = parameters["sslrootcert"]
  }

  /// The query parameters understood, as libpq names them.
  private static let parameters: Set<String> = [
    "host", "port", "user", "password", "dbname", "sslmode", "sslrootcert",
  ]

  private static func decode(
    _ text: Substring, _ what: String, _ fail: (String) -> StoreError
  ) throws -> String {
    guard let decoded = String(text).removingPercentEncoding else {
      throw fail("malformed percent-encoding in the \(what)")
    }
    return decoded
  }

  /// `url` with the password of its user info and any `password=` parameter replaced by `***`.
  /// It takes the last `@` of the whole text as the end of the user info, so a password holding
  /// `/`, `?` or `@` is hidden too (at worst, more than the password is).
  static func redact(_ url: String) -> String {
    var text = url
    if let schemeEnd = text.range(of: "://"), let at = text.lastIndex(of: "@"),
      at > schemeEnd.upperBound,
      let colon = text[schemeEnd.upperBound..<at].firstIndex(of: ":")
    {
      text.replaceSubrange(text.index(after: colon)..<at, with: "***")
    }
    guard let query = text.firstIndex(of: "?") else { return text }
    let pairs = text[text.index(after: query)...].split(
      separator: "&", omittingEmptySubsequences: false
    ).map { pair in
      pair.lowercased().hasPrefix("password=") ? "password=***" : String(pair)
    }
    return String(text[...query]) + pairs.joined(separator: "&")
  }
}
