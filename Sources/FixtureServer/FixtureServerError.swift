/// Why a ``FixtureServer`` or ``StaticSites`` could not start.
public enum FixtureServerError: Error, CustomStringConvertible, Sendable {
  /// Listening on 127.0.0.1:`port` failed (e.g. the port is in use).
  case cannotListen(port: Int, reason: String)
  /// The static sites folder does not exist or is not a directory.
  case missingRoot(String)

  public var description: String {
    switch self {
    case .cannotListen(let port, let reason):
      return "cannot listen on 127.0.0.1:\(port): \(reason)"
    case .missingRoot(let path):
      return "no such directory: \(path)"
    }
  }
}
