import Foundation
import MuniscanCore
import MuniscanGzip

/// The page facts a crawl kept beside its archive (`facts/<site>.bin`), so that `score` need not
/// parse again a page the crawl analysed already.
///
/// A record is the length and the CRC-32 of its payload (4 bytes each, little-endian), then the
/// payload: the ``FactsFingerprint`` the facts were read with (8 bytes), the offset (8 bytes)
/// and file name (4 bytes of length, then UTF-8) of the WARC response record they were read
/// from, then the facts as `PageFacts.encode(into:)` writes them. A record whose CRC fails, whose
/// fingerprint is not the reader's, or whose facts are not of the record's URL is ignored, and
/// its page is parsed as if no facts had been kept. Each record is appended in one write, so a
/// killed crawl can only tear the last one, which ``ArchiveRepair`` cuts off before resuming.
/// The file is mapped, not read: opening it reads the records' heads, and a record's facts are
/// read when they are asked for.
final class StoredFacts: Sendable {
  /// The response record some facts were read from.
  struct Source: Hashable {
    var warc: String
    var offset: Int
  }

  private static let headerBytes = 8
  /// Fingerprint, offset and the file name's length.
  private static let keyBytes = 20

  private let data: Data
  /// Where the payload of each record with the reader's fingerprint is in `data`.
  private let payloads: [Source: Range<Int>]

  /// The facts of the file at `path` read with `fingerprint`; nil when it is missing or holds
  /// none.
  init?(path: String, fingerprint: UInt64) {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    else { return nil }
    var payloads: [Source: Range<Int>] = [:]
    data.withUnsafeBytes { bytes in
      _ = Self.records(in: bytes) { payload in
        guard Self.integer(bytes, at: payload.lowerBound, size: 8) == fingerprint else { return }
        let offset = Int(
          truncatingIfNeeded: Self.integer(bytes, at: payload.lowerBound + 8, size: 8))
        let nameStart = payload.lowerBound + Self.keyBytes
        let nameLength = Int(Self.integer(bytes, at: payload.lowerBound + 16, size: 4))
        let name = String(
          decoding: UnsafeRawBufferPointer(rebasing: bytes[nameStart..<nameStart + nameLength]),
          as: UTF8.self)
        payloads[Source(warc: name, offset: offset)] = payload
      }
    }
    guard !payloads.isEmpty else { return nil }
    self.data = data
    self.payloads = payloads
  }

  /// The facts read from the response record at `source`, when a whole record holds them.
  func facts(from source: Source) -> PageFacts? {
    guard let payload = payloads[source] else { return nil }
    let bytes = [UInt8](data[payload])
    let crc = data.withUnsafeBytes {
      UInt32(Self.integer($0, at: payload.lowerBound - 4, size: 4))
    }
    guard Gzip.crc32(bytes) == crc else { return nil }
    var offset = Self.keyBytes + Int(Self.integer(bytes, at: 16, size: 4))
    guard let facts = PageFacts(decoding: bytes, at: &offset), offset == bytes.count else {
      return nil
    }
    return facts
  }

  /// A record of `facts` read with `fingerprint` from the response record at `source`.
  static func record(_ facts: PageFacts, fingerprint: UInt64, source: Source) -> [UInt8] {
    var payload: [UInt8] = []
    append(fingerprint, size: 8, to: &payload)
    append(UInt64(source.offset), size: 8, to: &payload)
    append(UInt64(source.warc.utf8.count), size: 4, to: &payload)
    payload += Array(source.warc.utf8)
    facts.encode(into: &payload)
    var record: [UInt8] = []
    record.reserveCapacity(headerBytes + payload.count)
    append(UInt64(payload.count), size: 4, to: &record)
    append(UInt64(Gzip.crc32(payload)), size: 4, to: &record)
    return record + payload
  }

  /// The bytes of the whole records at the start of the file at `path` and its size; nil when
  /// it is missing.
  static func wholeRecords(of path: String) throws -> (whole: Int, size: Int)? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      throw ArchiveError.io(path, "cannot read (\(error.localizedDescription))")
    }
    let whole = data.withUnsafeBytes { records(in: $0) { _ in } }
    return (whole, data.count)
  }

  /// Calls `body` with the payload of each record that is whole and can be framed, in order,
  /// and returns where the last of them ends: a torn record, or a header no record can have,
  /// ends the scan.
  private static func records(
    in bytes: UnsafeRawBufferPointer, _ body: (Range<Int>) -> Void
  ) -> Int {
    var position = 0
    while position + headerBytes <= bytes.count {
      let length = Int(integer(bytes, at: position, size: 4))
      let start = position + headerBytes
      guard length >= keyBytes, length <= bytes.count - start,
        integer(bytes, at: start + 16, size: 4) <= length - keyBytes
      else { break }
      body(start..<start + length)
      position = start + length
    }
    return position
  }

  /// The little-endian unsigned integer of `size` bytes at `offset`.
  private static func integer<Bytes: RandomAccessCollection>(
    _ bytes: Bytes, at offset: Int, size: Int
  ) -> UInt64 where Bytes.Element == UInt8, Bytes.Index == Int {
    var value: UInt64 = 0
    for index in (0..<size).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
    return value
  }

  private static func append(_ value: UInt64, size: Int, to bytes: inout [UInt8]) {
    for index in 0..<size { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
  }
}
