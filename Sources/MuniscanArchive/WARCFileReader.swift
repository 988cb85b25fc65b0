import Foundation
import MuniscanGzip

/// Reads WARC files written one gzip member per record, record by record. Tolerant: reading
/// stops at the first member that is torn (the file ends inside it, as a killed writer leaves
/// it) or corrupt, and says where, so the whole records before it stay usable.
enum WARCFileReader {
  /// How a scan ended.
  enum End: Equatable {
    /// At the end of the file, after a whole record.
    case complete
    /// At `offset`, where a member begins that the file ends inside of.
    case torn(offset: Int)
    /// At `offset`, where a member begins that is not a gzip member holding a WARC record.
    case corrupt(offset: Int, reason: String)
  }

  /// Calls `body` with each whole record from `offset` on, with its offset and compressed length.
  static func scan(
    _ path: String, from offset: Int = 0, _ body: (WARCRecord, RecordPlacement) throws -> Void
  ) throws -> End {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      throw ArchiveError.io(path, "cannot read (\(error.localizedDescription))")
    }
    let name = (path as NSString).lastPathComponent
    return try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> End in
      var position = offset
      while position < bytes.count {
        switch Gzip.inflateMember(UnsafeRawBufferPointer(rebasing: bytes[position...])) {
        case .torn:
          return .torn(offset: position)
        case .corrupt(let reason):
          return .corrupt(offset: position, reason: reason)
        case .member(let content, let length):
          guard let record = WARCRecord(parsing: content) else {
            return .corrupt(offset: position, reason: "not a WARC record")
          }
          try body(record, RecordPlacement(file: name, offset: position, length: length))
          position += length
        }
      }
      return .complete
    }
  }

  /// The record whose member is at `offset` and `length` bytes long.
  static func record(in path: String, offset: Int, length: Int) throws -> WARCRecord {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ArchiveError.io(path, "cannot open")
    }
    defer { try? handle.close() }
    let bytes: [UInt8]
    do {
      try handle.seek(toOffset: UInt64(offset))
      bytes = [UInt8](try handle.read(upToCount: length) ?? Data())
    } catch {
      throw ArchiveError.io(path, "cannot read at offset \(offset) (\(error.localizedDescription))")
    }
    let inflated = bytes.withUnsafeBytes { Gzip.inflateMember($0) }
    guard case .member(let content, let used) = inflated, used == length,
      let record = WARCRecord(parsing: content)
    else { throw ArchiveError.io(path, "no whole record at offset \(offset)") }
    return record
  }
}
