import Logging

/// Where a run history is, as a `--store` value names it: a `postgres://` or `postgresql://`
/// URL is a PostgreSQL database, anything else an SQLite file. It exists so every command picks
/// the store the same way, and shows it the same way (a URL with its password as `***`).
public enum RunStoreLocation: Sendable, Hashable, CustomStringConvertible {
  case sqlite(path: String)
  case postgres(PostgresLocation)

  /// Reads a `--store` value; throws a `StoreError` for a malformed PostgreSQL URL.
  public init(_ value: String) throws {
    self =
      PostgresLocation.isURL(value) ? .postgres(try PostgresLocation(value)) : .sqlite(path: value)
  }

  /// The file path, or the URL with its password replaced by `***`.
  public var description: String {
    switch self {
    case .sqlite(let path): path
    case .postgres(let location): location.description
    }
  }

  /// Opens the store. With `create` true a missing SQLite file, or an empty PostgreSQL database,
  /// gets the run tables, and older tables are upgraded; with `create` false the store is only
  /// read and never written. A PostgreSQL call fails after `timeout` with one line.
  public func open(
    create: Bool = true, timeout: Duration = .seconds(10),
    logger: Logger = Logger(label: "muniscan.store", factory: { _ in SwiftLogNoOpLogHandler() })
  ) async throws -> any RunStoring {
    switch self {
    case .sqlite(let path):
      try SQLiteRunStore(path: path, create: create)
    case .postgres(let location):
      try await PostgresRunStore(
        location: location, create: create, timeout: timeout, logger: logger)
    }
  }
}
