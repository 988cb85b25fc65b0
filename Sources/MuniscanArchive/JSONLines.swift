import Foundation

/// Files of one JSON value per line (the page index and the list of finished sites). A line is
/// appended in one write after the data it describes, so a crash can leave at most a torn last
/// line, which readers skip and resuming cuts off.
enum JSONLines {
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  static func append<Value: Encodable>(_ value: Value, to path: String) throws {
    try AppendOnlyFile.append(line(value), toFileAt: path)
  }

  /// `value` as one line, its line break included.
  static func line<Value: Encodable>(_ value: Value) throws -> [UInt8] {
    Array(try encoder().encode(value)) + [10]
  }

  /// The values of the whole lines of `path` (none when it is missing); lines that do not
  /// decode are skipped.
  static func read<Value: Decodable>(
    _ type: Value.Type, from path: String,
    fastPath: (UnsafeRawBufferPointer) -> Value? = { _ in nil }
  ) -> [Value] {
    contents(type, of: path, fastPath: fastPath)?.values ?? []
  }

  /// What a file of lines holds: the values of the lines that decode, and the number (from 1)
  /// of every line that does not, a torn last line included; nil when the file is missing.
  /// `fastPath` may read a line without the decoder (in the one shape its writer gives it): a
  /// line it gives nil for is decoded, so it must never give a value the decoder would not.
  static func contents<Value: Decodable>(
    _ type: Value.Type, of path: String,
    fastPath: (UnsafeRawBufferPointer) -> Value? = { _ in nil }
  ) -> Contents<Value>? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let decoder = JSONDecoder()
    let newlines = data.withUnsafeBytes { bytes in bytes.indices.filter { bytes[$0] == 10 } }
    // Anything after the last newline is a line torn off.
    var contents = Contents<Value>(
      values: [], badLines: [], torn: (newlines.last.map { $0 + 1 } ?? 0) < data.count)
    var start = 0
    for (number, newline) in newlines.enumerated() {
      let line = data[(data.startIndex + start)..<(data.startIndex + newline)]
      start = newline + 1
      if let value = line.withUnsafeBytes(fastPath) ?? (try? decoder.decode(type, from: line)) {
        contents.values.append(value)
      } else {
        contents.badLines.append(number + 1)
      }
    }
    return contents
  }

  /// The lines of a file, read.
  struct Contents<Value> {
    var values: [Value]
    /// Whole lines that do not decode, by number from 1.
    var badLines: [Int]
    /// Whether the file ends inside a line (after `values.count + badLines.count` whole ones).
    var torn: Bool

    /// Whole lines.
    var count: Int { values.count + badLines.count }
  }

  /// The number of whole lines of `path` (0 when it is missing). Counted over the bytes in
  /// place: through `Data`'s iterator, a byte a call, it was 0.25 % of a thousand-site crawl's
  /// CPU (each site's page index is counted when the site is done).
  static func count(in path: String) -> Int {
    FileManager.default.contents(atPath: path)?.withUnsafeBytes { bytes in
      bytes.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
    } ?? 0
  }

  /// Replaces the file's lines with `values`.
  static func rewrite<Value: Encodable>(_ values: [Value], to path: String) throws {
    var bytes: [UInt8] = []
    for value in values { bytes += Array(try encoder().encode(value)) + [10] }
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw ArchiveError.io(path, "cannot write (\(error.localizedDescription))")
    }
  }

  /// Cuts a torn last line (one without its newline) off the file; returns whether it did.
  @discardableResult
  static func cutTornLine(_ path: String) throws -> Bool {
    guard let data = FileManager.default.contents(atPath: path), let last = data.last, last != 10
    else {
      return false
    }
    let keep = data.lastIndex(of: 10).map { $0 + 1 } ?? 0
    try AppendOnlyFile.truncate(path, to: keep - data.startIndex)
    return true
  }
}
