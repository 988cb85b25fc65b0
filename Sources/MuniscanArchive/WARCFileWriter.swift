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

/// Appends records to the WARC files of a folder, `muniscan-YYYYMMDDHHMMSS-NNNNN.warc.gz`, each
/// record one gzip member and the records of one call one `write()`, so a killed process can
/// tear only the last exchange. A file is begun (with its `warcinfo` record) on the first append
/// and ended once it has reached `maxFileBytes`; serial numbers continue those already there.
final class WARCFileWriter {
  /// Compresses the records at ISA-L's level 1, the fastest that still compresses municipal
  /// HTML about as well as libdeflate's level 1 (level 0 makes members about a fifth larger).
  private let compressor = GzipCompressor(level: 1)

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

  /// Writes `records` one after the other in one write and says where each went.
  func append(_ records: [WARCRecord], at time: Double) throws -> [RecordPlacement] {
    if let current = file, current.file.size >= maxFileBytes { close() }
    if file == nil { try begin(at: time) }
    guard let current = file else { return [] }
    var bytes: [UInt8] = []
    var placements: [RecordPlacement] = []
    for record in records {
      let member = compressor.member(record.bytes)
      placements.append(
        RecordPlacement(
          file: current.name, offset: current.file.size + bytes.count, length: member.count,
          crc32: Gzip.crc32(member)))
      bytes += member
    }
    try current.file.append(bytes)
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
    let member = compressor.member(warcinfo.bytes)
    try appending.append(member)
    file = (name, appending)
  }
}
