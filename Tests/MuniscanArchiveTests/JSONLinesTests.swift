import Foundation
import Testing

@testable import MuniscanArchive

/// A file of JSON lines read back: the lines that decode, the numbers of those that do not,
/// and whether the file ends inside a line (a crawl killed while writing one).
@Suite struct JSONLinesTests {
  private struct Entry: Codable, Equatable {
    var url: String
  }

  private func contents(of text: String) throws -> JSONLines.Contents<Entry>? {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("jsonlines-\(UUID().uuidString).jsonl").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return JSONLines.contents(Entry.self, of: path)
  }

  @Test func wholeGoodAndBadLinesAndATornTail() throws {
    let read = try #require(
      try contents(
        of: "{\"url\":\"a\"}\nnot json\n\n{\"url\":\"õ\"}\n{\"url\":\"c\"}\n{\"url\":\"d"))
    #expect(read.values == [Entry(url: "a"), Entry(url: "õ"), Entry(url: "c")])
    #expect(read.badLines == [2, 3])
    #expect(read.torn)
    #expect(read.count == 5)
  }

  @Test func aFileEndingWithItsNewlineIsWhole() throws {
    let read = try #require(try contents(of: "{\"url\":\"a\"}\n{\"url\":\"b\"}\n"))
    #expect(read.values == [Entry(url: "a"), Entry(url: "b")])
    #expect(read.badLines.isEmpty)
    #expect(!read.torn)
  }

  @Test func emptyAndMissingFiles() throws {
    let empty = try #require(try contents(of: ""))
    #expect(empty.count == 0 && !empty.torn)
    let onlyTorn = try #require(try contents(of: "{\"url\""))
    #expect(onlyTorn.count == 0 && onlyTorn.torn)
    #expect(JSONLines.contents(Entry.self, of: "/nonexistent/muniscan/index.jsonl") == nil)
  }
}
