/// Reading the head of a WARC record or of the HTTP message in its block on bytes: where the
/// head ends, its lines, and field names compared without regard to case. Scoring an archive
/// reads two heads per page, so none of this goes through `String` until a value is kept.
enum RecordHead {
  /// The position just past the first empty line (`\r\n\r\n`) of `bytes` from `start` on:
  /// where a head ends and its block begins; nil when there is none.
  static func end(of bytes: [UInt8], from start: Int = 0) -> Int? {
    bytes.withUnsafeBufferPointer { buffer in
      var index = start
      while index + 3 < buffer.count {
        if buffer[index + 3] == 10, buffer[index + 2] == 13, buffer[index + 1] == 10,
          buffer[index] == 13
        {
          return index + 4
        }
        index += 1
      }
      return nil
    }
  }

  /// The lines of `head`, split at each `\r\n` (a lone `\r` or `\n` stays in its line).
  static func lines(of head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = head.startIndex
    var index = head.startIndex
    while index < head.endIndex {
      if head[index] == 13, index + 1 < head.endIndex, head[index + 1] == 10 {
        lines.append(head[start..<index])
        index += 2
        start = index
      } else {
        index += 1
      }
    }
    lines.append(head[start..<head.endIndex])
    return lines
  }

  /// Whether two field names are the same, ASCII letters compared without regard to case.
  static func sameName<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
    a.elementsEqual(b) { lowered($0) == lowered($1) }
  }

  private static func lowered(_ byte: UInt8) -> UInt8 {
    (65...90).contains(byte) ? byte + 32 : byte
  }
}
