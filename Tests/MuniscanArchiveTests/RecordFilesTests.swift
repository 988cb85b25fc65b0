import Foundation
import Testing

@testable import MuniscanArchive

/// A site's WARC file is opened once for its records and read at any offset; a place past what
/// the file holds (as a damaged page index can name) gives what is there, never an allocation of
/// its length.
@Suite struct RecordFilesTests {
  private func file(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "record-files-\(UUID().uuidString).warc.gz"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  private func problem(_ read: () throws(WARCFileReader.RecordProblem) -> [UInt8]) -> String? {
    do {
      _ = try read()
      return nil
    } catch {
      return error.text
    }
  }

  @Test func readsAnyPlaceAndWhatIsThereOfOneBeyondTheEnd() throws {
    let path = try file(Array(0..<100))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let files = RecordFiles()
    #expect(try files.read(path, offset: 10, length: 5) == [10, 11, 12, 13, 14])
    #expect(try files.read(path, offset: 0, length: 3) == [0, 1, 2])
    #expect(try files.read(path, offset: 95, length: 10) == [95, 96, 97, 98, 99])
    #expect(try files.read(path, offset: 100, length: 10) == [])
    #expect(try files.read(path, offset: 500, length: 10) == [])
    // A damaged index line's length: what the file holds, not a terabyte of memory.
    #expect(try files.read(path, offset: 98, length: 1 << 40) == [98, 99])
  }

  @Test func aFileStaysOpenForItsRecordsUntilTheNextFileOrTheRelease() throws {
    let first = try file(Array(0..<10))
    let second = try file(Array(10..<20))
    defer { try? FileManager.default.removeItem(atPath: second) }
    let files = RecordFiles()
    #expect(try files.read(first, offset: 0, length: 2) == [0, 1])
    // Still open: its records stay readable by the reader that opened it.
    try FileManager.default.removeItem(atPath: first)
    #expect(try files.read(first, offset: 8, length: 2) == [8, 9])
    #expect(
      problem { () throws(WARCFileReader.RecordProblem) in
        try RecordFiles().read(first, offset: 0, length: 2)
      } == "missing")
    // Reading another file closes the first: one descriptor at most.
    #expect(try files.read(second, offset: 0, length: 1) == [10])
    #expect(
      problem { () throws(WARCFileReader.RecordProblem) in
        try files.read(first, offset: 0, length: 2)
      } == "missing")
    // Released, the second is opened again when read, and read as it is then.
    #expect(try files.read(second, offset: 9, length: 1) == [19])
    try Data([7]).write(to: URL(fileURLWithPath: second + ".new"))
    try FileManager.default.removeItem(atPath: second)
    try FileManager.default.moveItem(atPath: second + ".new", toPath: second)
    #expect(try files.read(second, offset: 0, length: 1) == [10])
    files.release()
    #expect(try files.read(second, offset: 0, length: 1) == [7])
  }

  @Test func aDirectoryCannotBeRead() {
    let problem = problem { () throws(WARCFileReader.RecordProblem) in
      try RecordFiles().read(NSTemporaryDirectory(), offset: 0, length: 2)
    }
    #expect(problem?.hasPrefix("cannot read") == true, "\(problem ?? "read")")
  }
}
