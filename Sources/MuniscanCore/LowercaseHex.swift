/// Bytes written as two lowercase hex digits each: a record ID's UUID and the `\u00XX` escapes
/// of a JSON string (`JSONString`), on a crawl's path for every response.
package enum LowercaseHex {
  private static let digits = Array("0123456789abcdef".utf8)

  package static func append(_ byte: UInt8, to bytes: inout [UInt8]) {
    bytes.append(digits[Int(byte >> 4)])
    bytes.append(digits[Int(byte & 15)])
  }
}
