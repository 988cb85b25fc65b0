import Foundation
import MuniscanCore

extension PageIndexEntry {
  /// The entry as its index line, newline included: byte for byte what `JSONLines.line(_:)`
  /// makes of it (keys sorted, slashes unescaped), written field by field, because a crawl
  /// writes one per response and the generic encoder took 2.5 % of a thousand-site crawl's CPU.
  var line: [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(url.utf8.count + contentType.utf8.count + warc.utf8.count + 128)
    bytes += #"{"contentType":"#.utf8
    JSONString.appendQuoted(contentType, to: &bytes)
    if let crc32 {
      bytes += #","crc32":"#.utf8
      bytes += String(crc32).utf8
    }
    bytes += #","fetchedAt":"#.utf8
    JSONString.appendQuoted(fetchedAt, to: &bytes)
    bytes += #","length":"#.utf8
    bytes += String(length).utf8
    bytes += #","offset":"#.utf8
    bytes += String(offset).utf8
    bytes += #","status":"#.utf8
    bytes += String(status).utf8
    bytes += #","url":"#.utf8
    JSONString.appendQuoted(url, to: &bytes)
    bytes += #","warc":"#.utf8
    JSONString.appendQuoted(warc, to: &bytes)
    bytes += "}\n".utf8
    return bytes
  }
}

extension PageIndexEntry {
  /// The entry of an index line in exactly the shape ``line`` writes (those keys in that order,
  /// no spaces, strings without escapes), read byte by byte, because `score` reads one line per
  /// archived response and the generic decoder took 4.5 % of its CPU on a dense archive; nil for
  /// any other line, which the decoder reads instead (the newline is not part of `line`).
  init?(line: UnsafeRawBufferPointer) {
    var reader = LineReader(bytes: line)
    guard reader.skip(#"{"contentType":"#), let contentType = reader.string() else {
      return nil
    }
    var crc32: UInt32?
    if reader.skip(#","crc32":"#) {
      guard let value = reader.integer(), value <= UInt32.max else { return nil }
      crc32 = UInt32(value)
    }
    guard reader.skip(#","fetchedAt":"#), let fetchedAt = reader.string(),
      reader.skip(#","length":"#), let length = reader.integer(),
      reader.skip(#","offset":"#), let offset = reader.integer(),
      reader.skip(#","status":"#), let status = reader.integer(),
      reader.skip(#","url":"#), let url = reader.string(),
      reader.skip(#","warc":"#), let warc = reader.string(),
      reader.skip("}"), reader.atEnd, offset <= Int.max - length
    else { return nil }
    self.init(
      url: url, status: status, contentType: contentType, warc: warc, offset: offset,
      length: length, fetchedAt: fetchedAt, crc32: crc32)
  }
}

/// Reads the pieces of an index line in the one shape the crawl writes, giving up (nil, false)
/// at anything else.
private struct LineReader {
  let bytes: UnsafeRawBufferPointer
  var position = 0

  init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  var atEnd: Bool { position == bytes.count }

  /// Steps over `text` when the line goes on with it.
  mutating func skip(_ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard bytes.count - position >= count,
      memcmp(bytes.baseAddress! + position, text.utf8Start, count) == 0
    else { return false }
    position += count
    return true
  }

  /// A quoted string without escapes or control characters, valid UTF-8.
  mutating func string() -> String? {
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
    let start = position + 1
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
      guard bytes[end] >= 0x20, bytes[end] != UInt8(ascii: "\\") else { return nil }
      end += 1
    }
    guard end < bytes.count,
      let text = String(
        validating: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    else { return nil }
    position = end + 1
    return text
  }

  /// A non-negative integer without leading zeros that fits in an `Int`.
  mutating func integer() -> Int? {
    var value = 0
    let start = position
    while position < bytes.count, (48...57).contains(bytes[position]) {
      let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
      let (sum, carry) = times10.addingReportingOverflow(Int(bytes[position] - 48))
      guard !overflow, !carry else { return nil }
      value = sum
      position += 1
    }
    let digits = position - start
    guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
    return value
  }
}
