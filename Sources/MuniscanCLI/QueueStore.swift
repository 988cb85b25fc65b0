import MuniscanAudit
import MuniscanStore

/// The `--store` of the work queue's commands: only a PostgreSQL database holds a queue, since
/// its workers run on many machines.
enum QueueStore {
  /// The PostgreSQL store `value` names; a one-line error for an SQLite file.
  static func location(_ value: String) throws -> PostgresLocation {
    guard case .postgres(let location) = try RunStoreLocation(value) else {
      throw MuniscanError(
        "\(value): the work queue needs a PostgreSQL store (--store postgres://…), not an "
          + "SQLite file")
    }
    return location
  }

  /// The queue of the PostgreSQL store `value` names, its tables made when missing.
  static func open(_ value: String) async throws -> WorkQueue {
    WorkQueue(store: try await PostgresRunStore(location: try location(value)))
  }
}
