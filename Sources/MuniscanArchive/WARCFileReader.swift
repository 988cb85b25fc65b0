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
          let member = UnsafeRawBufferPointer(rebasing: bytes[position..<position + length])
          try body(
            record,
            RecordPlacement(
              file: name, offset: position, length: length, crc32: Gzip.crc32(member)))
          position += length
        }
      }
      return .complete
    }
  }

  /// The record whose member is at `offset` and `length` bytes long, read through `files` (a
  /// site's open files); throws what keeps it from being read there.
  static func record(
    in path: String, offset: Int, length: Int, files: RecordFiles
  ) throws(RecordProblem) -> WARCRecord {
    let bytes = try files.read(path, offset: offset, length: length)
    guard !bytes.isEmpty else { throw RecordProblem("past the end of the file") }
    guard bytes.count == length else {
      throw RecordProblem("cut short: the file ends \(bytes.count) bytes into the record")
    }
    switch bytes.withUnsafeBytes({ Gzip.inflateWholeMember($0) }) {
    case .member(let content, let used) where used == length:
      guard let record = WARCRecord(parsing: content) else {
        throw RecordProblem("not a WARC record")
      }
      return record
    case .member:
      throw RecordProblem("not the gzip member the index names (its length differs)")
    case .torn:
      throw RecordProblem("a torn gzip member")
    case .corrupt(let reason):
      throw RecordProblem(reason)
    }
  }

  /// The record whose member is at `offset` and `length` bytes long, read through `files` only
  /// as far as the end of the HTTP head in its block, and the whole block's length, when the
  /// member's bytes have the CRC-32 `crc32` (those the crawl wrote, checked without inflating
  /// them); nil otherwise, or when the member does not start with those heads (reading the
  /// whole record then says what is wrong).
  static func recordHead(
    in path: String, offset: Int, length: Int, crc32: UInt32, files: RecordFiles
  ) -> (record: WARCRecord, blockLength: Int)? {
    guard let bytes = try? files.read(path, offset: offset, length: length),
      bytes.count == length, Gzip.crc32(bytes) == crc32,
      let prefix = bytes.withUnsafeBytes({
        Gzip.inflatePrefix($0) { output in
          RecordHead.end(of: output).flatMap { RecordHead.end(of: output, from: $0) } != nil
        }
      }),
      let head = WARCRecord.head(of: prefix)
    else { return nil }
    let block = prefix[head.blockStart...].prefix(head.blockLength)
    return (WARCRecord(fields: head.fields, block: Array(block)), head.blockLength)
  }

  /// Why a record could not be read where the page index says it is.
  struct RecordProblem: Error {
    let text: String

    init(_ text: String) { self.text = text }
  }
}
