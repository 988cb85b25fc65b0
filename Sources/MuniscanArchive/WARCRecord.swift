import Foundation
import MuniscanHTTP

/// One WARC 1.1 record: its named fields in order and its content block. `Content-Length` is
/// written from the block, never stored as a field.
struct WARCRecord: Sendable, Equatable {
  var fields: [(name: String, value: String)]
  /// The block as the parts it was made of, one after the other: a response record's HTTP head
  /// and the body as the client handed it, so the body is copied once, into the record's
  /// bytes, not first into a block of its own (a copy of every page, 0.3 % of a crawl's CPU).
  private let blockParts: [[UInt8]]

  init(fields: [(name: String, value: String)], block: [UInt8]) {
    self.init(fields: fields, blockParts: [block])
  }

  init(fields: [(name: String, value: String)], blockParts: [[UInt8]]) {
    self.fields = fields
    self.blockParts = blockParts
  }

  var block: [UInt8] { blockParts.count == 1 ? blockParts[0] : Array(blockParts.joined()) }

  static func == (lhs: WARCRecord, rhs: WARCRecord) -> Bool {
    lhs.block == rhs.block && lhs.fields.elementsEqual(rhs.fields) { $0 == $1 }
  }

  /// The value of the field `name`, compared case-insensitively.
  func field(_ name: String) -> String? {
    fields.first { RecordHead.sameName($0.name.utf8, name.utf8) }?.value
  }

  var type: String { field("WARC-Type") ?? "" }

  /// The record as it goes into a file, before compression.
  var bytes: [UInt8] {
    let blockLength = blockParts.reduce(0) { $0 + $1.count }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(
      fields.reduce(blockLength + 64) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 })
    bytes += "WARC/1.1\r\n".utf8
    for field in fields {
      bytes += field.name.utf8
      bytes += ": ".utf8
      bytes += field.value.utf8
      bytes += "\r\n".utf8
    }
    bytes += "Content-Length: \(blockLength)\r\n\r\n".utf8
    for part in blockParts { bytes += part }
    bytes += "\r\n\r\n".utf8
    return bytes
  }

  /// Parses a decompressed record; nil when it is not a whole WARC record.
  init?(parsing bytes: [UInt8]) {
    guard let head = Self.head(of: bytes), bytes.count - head.blockStart - 4 == head.blockLength
    else { return nil }
    let end = head.blockStart + head.blockLength
    guard bytes[end...].elementsEqual("\r\n\r\n".utf8) else { return nil }
    self.init(fields: head.fields, block: Array(bytes[head.blockStart..<end]))
  }

  /// The fields of the WARC head `bytes` start with (`Content-Length` apart), the length of the
  /// block it announces, and where in `bytes` the block starts; nil when `bytes` do not start
  /// with a whole WARC head.
  static func head(of bytes: [UInt8]) -> (
    fields: [(name: String, value: String)], blockLength: Int, blockStart: Int
  )? {
    guard let start = RecordHead.end(of: bytes) else { return nil }
    let lines = RecordHead.lines(of: bytes[..<(start - 4)])
    guard lines[0].starts(with: "WARC/1.".utf8) else { return nil }
    var fields: [(name: String, value: String)] = []
    var length: Int?
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
      let name = HTTPResponseHead.trimmed(line[..<colon])
      let value = String(decoding: HTTPResponseHead.trimmed(line[(colon + 1)...]), as: UTF8.self)
      if RecordHead.sameName(name, "content-length".utf8) {
        length = Int(value)
      } else {
        fields.append((String(decoding: name, as: UTF8.self), value))
      }
    }
    guard let length, length >= 0 else { return nil }
    return (fields, length, start)
  }
}
