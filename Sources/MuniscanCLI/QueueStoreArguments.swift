import ArgumentParser
import MuniscanAudit
import MuniscanStore

/// The `--store` of the work queue's commands: only a PostgreSQL database holds a queue, since
/// its workers run on many machines; an SQLite file is refused before anything starts.
struct QueueStoreArguments: ParsableArguments {
  @Option(help: ArgumentHelp("The PostgreSQL run store holding the queue.", valueName: "url"))
  var store: String

  func validate() throws { _ = try location }

  /// The PostgreSQL store named; a one-line error for an SQLite file.
  var location: PostgresLocation {
    get throws {
      guard case .postgres(let location) = try RunStoreLocation(store) else {
        throw MuniscanError(
          "\(store): the work queue needs a PostgreSQL store (--store postgres://…), not an "
            + "SQLite file")
      }
      return location
    }
  }

  /// The queue, its tables made when missing.
  func open() async throws -> WorkQueue {
    WorkQueue(store: try await PostgresRunStore(location: try location))
  }
}
