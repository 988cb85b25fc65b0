import Foundation
import GRDB
import MuniscanStore
import Testing

/// What only the SQLite store has: a file, in WAL mode, that may be something else entirely.
@Suite struct SQLiteRunStoreTests {
  let path = StoreFixtures.temporaryPath()

  @Test func aFreshFileIsAnSQLiteDatabaseInWALMode() throws {
    defer { StoreFixtures.remove(path) }
    _ = try SQLiteRunStore(path: path)
    let header = try #require(FileManager.default.contents(atPath: path))
    #expect(header.starts(with: Array("SQLite format 3\0".utf8)))
    let journal = try DatabaseQueue(path: path).read { db in
      try String.fetchOne(db, sql: "PRAGMA journal_mode")
    }
    #expect(journal == "wal")
  }

  @Test func aFileThatIsNotSQLiteIsOneClearError() throws {
    defer { StoreFixtures.remove(path) }
    try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
    for create in [true, false] {
      let error = #expect(throws: StoreError.self) {
        try SQLiteRunStore(path: path, create: create)
      }
      #expect(error?.description == "\(path): not a run store (not an SQLite database)")
    }
  }
}
