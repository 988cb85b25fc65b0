/// Per-client settings for politeness, limits and test host mapping; one value configures every
/// transfer the client makes.
public struct HTTPClientConfiguration: Sendable {
  public var userAgent: String
  /// curl `--resolve` entries, `HOST:PORT:ADDRESS`, so fixture host names reach 127.0.0.1.
  public var resolve: [String]
  /// curl `--connect-to` entries, `HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT`: requests for
  /// HOST:PORT go to the other host and port, URLs unchanged (a site's absolute links to
  /// `http://host/` reach a fixture server on another port).
  public var connectTo: [String]
  /// Seconds allowed for name resolution and connecting.
  public var connectTimeout: Double
  /// Seconds allowed for the whole transfer.
  public var totalTimeout: Double
  /// Bytes per second below which a transfer counts as too slow...
  public var lowSpeedLimit: Int
  /// ...for this many seconds in a row, and is aborted as a timeout.
  public var lowSpeedTime: Int
  /// Cap on the decoded body; a longer body is cut and marked `bodyTruncated`.
  public var maxBodyBytes: Int
  public var maxConnectionsPerHost: Int
  public var maxTotalConnections: Int

  public static let defaultUserAgent = "muniscan/0.1 (+https://github.com/muniscan/muniscan)"

  public init(
    userAgent: String = HTTPClientConfiguration.defaultUserAgent,
    resolve: [String] = [],
    connectTo: [String] = [],
    connectTimeout: Double = 10,
    totalTimeout: Double = 30,
    lowSpeedLimit: Int = 100,
    lowSpeedTime: Int = 15,
    maxBodyBytes: Int = 10_000_000,
    maxConnectionsPerHost: Int = 2,
    maxTotalConnections: Int = 64
  ) {
    self.userAgent = userAgent
    self.resolve = resolve
    self.connectTo = connectTo
    self.connectTimeout = connectTimeout
    self.totalTimeout = totalTimeout
    self.lowSpeedLimit = lowSpeedLimit
    self.lowSpeedTime = lowSpeedTime
    self.maxBodyBytes = maxBodyBytes
    self.maxConnectionsPerHost = maxConnectionsPerHost
    self.maxTotalConnections = maxTotalConnections
  }
}
