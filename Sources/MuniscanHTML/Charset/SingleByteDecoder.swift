/// Turns the bytes of a single-byte encoded page into UTF-8 before libxml2 sees them.
///
/// libxml2 converts through iconv, which gives up on the first byte the encoding leaves undefined
/// (0x81 in windows-1257, say) and halts the parse there; old windows-1257 and ISO-8859-15
/// municipal pages are exactly the ones with such stray bytes. Decoding here with lookup tables
/// never fails and is faster than iconv.
enum SingleByteDecoder {
  /// UTF-8 bytes for `bytes` in `charset`, or nil when `charset` is not a single-byte encoding
  /// this decoder knows or the bytes are plain ASCII (and so already UTF-8).
  static func utf8(from bytes: UnsafeBufferPointer<UInt8>, charset: String) -> [UInt8]? {
    guard let table = SingleByteTables.table(for: charset) else { return nil }
    guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8 + 16)
    table.withUnsafeBufferPointer { table in
      for byte in bytes {
        if byte < 0x80 {
          output.append(byte)
          continue
        }
        let scalar = table[Int(byte) - 0x80]
        if scalar < 0x800 {
          output.append(UInt8(0xC0 | (scalar >> 6)))
          output.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
          output.append(UInt8(0xE0 | (scalar >> 12)))
          output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
          output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
      }
    }
    return output
  }
}
