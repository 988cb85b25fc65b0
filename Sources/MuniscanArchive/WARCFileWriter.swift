import Foundation
import MuniscanCore
import MuniscanGzip

/// Where a written record went: its file, offset and compressed length, and the CRC-32 of its
/// compressed bytes (the gzip member), by which a reader can check them without inflating them.
struct RecordPlacement: Sendable, Equatable {
  var file: String
  var offset: Int
  var length: Int
  var crc32: UInt32
}

/// Records as the gzip members they are written as, one after another in the bytes of one
/// write, and each member's length and the CRC-32 of its bytes.
struct CompressedRecords: Sendable {
  var bytes: [UInt8] = []
  var members: [(length: Int, crc32: UInt32)] = []
}

/// Appends records to the WARC files of a folder, `muniscan-YYYYMMDDHHMMSS-NNNNN.warc.gz`, each
/// record one gzip member and the records of one call one `write()`, so a killed process can
/// tear only the last exchange. A file is begun (with its `warcinfo` record) on the first append
/// and ended once it has reached `maxFileBytes`; serial numbers continue those already there.
/// Records are compressed before they come (``compress(_:)``), by whichever task made them.
final class WARCFileWriter {
  /// Compress records at ISA-L's level 1, the fastest that still compresses municipal HTML about
  /// as well as libdeflate's level 1 (level 0 makes members about a fifth larger). Shared by
  /// every thread, so the tasks that fetched the exchanges compress their records on every
  /// processor, and an archive's writer, which places records one after another, only writes.
  private static let compressors = ReusePool<GzipCompressor, Never> { GzipCompressor(level: 1) }

  let folder: String
  let maxFileBytes: Int
  /// The `warcinfo` fields (`software`, `format`, …) that start every file.
  let info: [(name: String, value: String)]
  private var nextSerial: Int
  private var file: (name: String, file: AppendingFile)?

  init(folder: String, maxFileBytes: Int, info: [(name: String, value: String)]) throws {
    self.folder = folder
    self.maxFileBytes = maxFileBytes
    self.info = info
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw ArchiveError.io(folder, "cannot create the folder (\(error.localizedDescription))")
    }
    nextSerial = (Self.files(in: folder).compactMap(Self.serial).max() ?? -1) + 1
  }

  deinit { close() }

  /// The WARC files of `folder`, in the order they were written.
  static func files(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".warc.gz") }.sorted {
      (serial($0) ?? 0, $0) < (serial($1) ?? 0, $1)
    }
  }

  /// The serial number of a file name `…-NNNNN.warc.gz`.
  static func serial(_ name: String) -> Int? {
    guard name.hasSuffix(".warc.gz"), let dash = name.lastIndex(of: "-") else { return nil }
    return Int(name[name.index(after: dash)...].dropLast(".warc.gz".count))
  }

  /// `records` as the gzip members they are written as. The bytes are sized to the members:
  /// a member is made in a buffer the size of its record, and they wait for the writer.
  static func compress(_ records: [WARCRecord]) -> CompressedRecords {
    let members = compressors.use { compressor in records.map { compressor.member($0.bytes) } }
    var compressed = CompressedRecords()
    compressed.bytes.reserveCapacity(members.reduce(0) { $0 + $1.count })
    for member in members {
      compressed.bytes += member
      compressed.members.append((member.count, Gzip.crc32(member)))
    }
    return compressed
  }

  /// Writes `records` one after the other in one write and says where each went.
  func append(_ records: CompressedRecords, at time: Double) throws -> [RecordPlacement] {
    if let current = file, current.file.size >= maxFileBytes { close() }
    if file == nil { try begin(at: time) }
    guard let current = file else { return [] }
    var placements: [RecordPlacement] = []
    var offset = current.file.size
    for member in records.members {
      placements.append(
        RecordPlacement(
          file: current.name, offset: offset, length: member.length, crc32: member.crc32))
      offset += member.length
    }
    try current.file.append(records.bytes)
    return placements
  }

  /// Flushes the current file to disk.
  func sync() {
    file?.file.sync()
  }

  func close() {
    file?.file.sync()
    file = nil
  }

  private func begin(at time: Double) throws {
    let serial = String(nextSerial)
    let name =
      "muniscan-\(UTCTime.compact(time))-\(String(repeating: "0", count: max(0, 5 - serial.count)))\(serial).warc.gz"
    nextSerial += 1
    let path = folder + "/" + name
    let appending = try AppendingFile(path)
    var block = ""
    for field in info { block += "\(field.name): \(field.value)\r\n" }
    let warcinfo = WARCRecord(
      fields: [
        ("WARC-Type", "warcinfo"),
        ("WARC-Record-ID", WARCRecordID.make()),
        ("WARC-Date", UTCTime.iso(time)), ("WARC-Filename", name),
        ("WARC-Block-Digest", WARCDigest.sha1(Array(block.utf8))),
        ("Content-Type", "application/warc-fields"),
      ],
      block: Array(block.utf8))
    try appending.append(Self.compress([warcinfo]).bytes)
    file = (name, appending)
  }
}
