import Foundation
import MuniscanStore
import Testing

@Suite struct RunStoreTests {
  @Test func opensADatabaseFile() throws {
    let path = NSTemporaryDirectory() + "muniscan-store-\(UUID().uuidString).sqlite"
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try RunStore(path: path)
    #expect(FileManager.default.fileExists(atPath: path))
  }
}
