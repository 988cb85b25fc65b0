/// Bytes written as two lowercase hex digits each: a record ID's UUID and the `\u00XX` escapes
/// of an index line, both on a crawl's path for every response.
enum LowercaseHex {
  private static let digits = Array("0123456789abcdef".utf8)

  static func append(_ byte: UInt8, to bytes: inout [UInt8]) {
    bytes.append(digits[Int(byte >> 4)])
    bytes.append(digits[Int(byte & 15)])
  }
}
