import Foundation
import MuniscanHTTP

/// The HTTP response head as an archive stores it next to a decoded body. The client hands over
/// bodies with their content coding removed (gzip, br, chunked framing), so the stored head
/// must not announce that coding, or WARC readers would try to decode the body again:
/// `Content-Encoding`, `Transfer-Encoding` and `Content-Length` are kept under an
/// `X-Muniscan-Original-` prefix, and a `Content-Length` of the stored body is added. Reading
/// the head back undoes exactly this, so replayed responses carry the headers that were received.
enum StoredHTTPHead {
  static let originalPrefix = "X-Muniscan-Original-"
  private static let renamed = ["content-encoding", "transfer-encoding", "content-length"]

  /// The head to write in a response record for a body of `bodyLength` bytes.
  static func head(for response: HTTPResponse, bodyLength: Int) -> [UInt8] {
    var lines = lines(of: response.rawResponseHead)
    if lines.isEmpty {
      lines = [ArraySlice("HTTP/1.1 \(response.status)".utf8)]
      lines += response.headers.map { ArraySlice("\($0.name): \($0.value)".utf8) }
    }
    var head: [UInt8] = []
    head.reserveCapacity(response.rawResponseHead.count + 128)
    var inRenamedField = false
    for (index, line) in lines.enumerated() {
      let isContinuation = line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t")
      if index > 0 && !isContinuation { inRenamedField = isRenamed(line) }
      if index > 0 && !isContinuation && inRenamedField { head += originalPrefix.utf8 }
      head += line
      head += "\r\n".utf8
    }
    head += "Content-Length: \(bodyLength)\r\n\r\n".utf8
    return head
  }

  /// The header fields as received, from the fields of a stored head.
  static func originalHeaders(_ stored: [HTTPHeader]) -> [HTTPHeader] {
    stored.compactMap { header in
      if header.name.lowercased() == "content-length" { return nil }
      guard header.name.lowercased().hasPrefix(originalPrefix.lowercased()) else { return header }
      return HTTPHeader(
        name: String(header.name.dropFirst(originalPrefix.count)), value: header.value)
    }
  }

  /// The status code of a head's status line (`HTTP/1.1 404 Not Found` → 404).
  static func status(_ head: [UInt8]) -> Int? {
    var first = head.prefix { $0 != UInt8(ascii: "\n") }
    if first.last == UInt8(ascii: "\r") { first = first.dropLast() }
    guard !first.isEmpty else { return nil }
    let parts = first.split(separator: UInt8(ascii: " "), maxSplits: 2)
    guard parts.count >= 2, parts[0].starts(with: "HTTP/".utf8) else { return nil }
    return Int(String(decoding: parts[1], as: UTF8.self))
  }

  /// The status line and field lines, without line ends, up to the empty line.
  private static func lines(of head: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    for line in head.split(separator: 10, omittingEmptySubsequences: false) {
      let trimmed = line.last == 13 ? line.dropLast() : line
      if trimmed.isEmpty { break }
      lines.append(trimmed)
    }
    return lines
  }

  /// Whether a field line names one of the `renamed` fields (its name compared without case
  /// and without the spaces and tabs around it). Bytes, not strings: every response's head
  /// passes here.
  private static func isRenamed(_ line: ArraySlice<UInt8>) -> Bool {
    let name = HTTPResponseHead.trimmed(line.prefix { $0 != UInt8(ascii: ":") })
    return renamed.contains { RecordHead.sameName($0.utf8, name) }
  }
}
