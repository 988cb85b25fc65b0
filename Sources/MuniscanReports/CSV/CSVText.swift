import CSV
import Foundation

/// CSV text as RFC 4180 has it (CRLF line ends; a field quoted, its quotes doubled, when it
/// holds a comma, quote or line break), written by CSV.swift's CSVWriter.
enum CSVText {
  static func make(header: [String], rows: [[String]]) throws -> String {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream, newline: .crlf)
    try writer.write(row: header)
    for row in rows { try writer.write(row: row) }
    guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
      throw ReportError("the CSV writer produced no text")
    }
    return String(decoding: data, as: UTF8.self) + "\r\n"
  }

  /// A number as researchers' tools read it back exactly: "100.0", "66.66666666666667".
  static func number(_ value: Double) -> String { "\(value)" }
}
