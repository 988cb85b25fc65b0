import Foundation

/// One WARC 1.1 record: its named fields in order and its content block. `Content-Length` is
/// written from the block, never stored as a field.
struct WARCRecord: Sendable, Equatable {
  var fields: [(name: String, value: String)]
  var block: [UInt8]

  init(fields: [(name: String, value: String)], block: [UInt8]) {
    self.fields = fields
    self.block = block
  }

  static func == (lhs: WARCRecord, rhs: WARCRecord) -> Bool {
    lhs.block == rhs.block && lhs.fields.elementsEqual(rhs.fields) { $0 == $1 }
  }

  /// The value of the field `name`, compared case-insensitively.
  func field(_ name: String) -> String? {
    let wanted = name.lowercased()
    return fields.first { $0.name.lowercased() == wanted }?.value
  }

  var type: String { field("WARC-Type") ?? "" }

  /// The record as it goes into a file, before compression.
  var bytes: [UInt8] {
    var head = "WARC/1.1\r\n"
    for field in fields { head += "\(field.name): \(field.value)\r\n" }
    head += "Content-Length: \(block.count)\r\n\r\n"
    return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
  }

  /// Parses a decompressed record; nil when it is not a whole WARC record.
  init?(parsing bytes: [UInt8]) {
    guard let headEnd = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
    let lines = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self)
      .split(separator: "\r\n", omittingEmptySubsequences: false)
    guard let version = lines.first, version.hasPrefix("WARC/1.") else { return nil }
    var fields: [(name: String, value: String)] = []
    var length: Int?
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { return nil }
      let name = line[..<colon].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if name.lowercased() == "content-length" {
        length = Int(value)
      } else {
        fields.append((name, value))
      }
    }
    let start = headEnd.upperBound
    guard let length, length >= 0, bytes.count - start == length + 4,
      bytes[(start + length)...].elementsEqual("\r\n\r\n".utf8)
    else { return nil }
    self.init(fields: fields, block: Array(bytes[start..<(start + length)]))
  }
}
