import GRDB
import MuniscanCore

/// Run history in one SQLite file: every scorecard stored, so runs can be listed and compared.
public final class RunStore: Sendable {
  let database: DatabaseQueue

  public init(path: String) throws {
    database = try DatabaseQueue(path: path)
  }
}
