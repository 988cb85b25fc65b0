/// One Unicode scalar read from or written to UTF-8 bytes in place: what folding a page's text
/// into words and cutting evidence snippets on bytes share, so neither walks characters nor
/// decodes by hand.
public enum UTF8Scalar {
  /// The scalar whose encoding begins at `offset` of valid UTF-8 `bytes`, and its width.
  @inlinable @inline(__always)
  public static func decode(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
    value: UInt32, width: Int
  ) {
    let lead = bytes[offset]
    guard lead >= 0x80 else { return (UInt32(lead), 1) }
    let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    var value = UInt32(lead) & (0x7F >> UInt32(width))
    for next in 1..<width { value = value << 6 | UInt32(bytes[offset + next] & 0x3F) }
    return (value, width)
  }

  /// Writes the encoding of scalar `value` at `index` of `bytes`; how many bytes.
  @inlinable @inline(__always)
  public static func encode(
    _ value: UInt32, into bytes: UnsafeMutableBufferPointer<UInt8>, at index: Int
  ) -> Int {
    if value < 0x80 {
      bytes[index] = UInt8(truncatingIfNeeded: value)
      return 1
    }
    if value < 0x800 {
      bytes[index] = 0xC0 | UInt8(truncatingIfNeeded: value >> 6)
      bytes[index + 1] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
      return 2
    }
    if value < 0x10000 {
      bytes[index] = 0xE0 | UInt8(truncatingIfNeeded: value >> 12)
      bytes[index + 1] = 0x80 | UInt8(truncatingIfNeeded: (value >> 6) & 0x3F)
      bytes[index + 2] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
      return 3
    }
    bytes[index] = 0xF0 | UInt8(truncatingIfNeeded: value >> 18)
    bytes[index + 1] = 0x80 | UInt8(truncatingIfNeeded: (value >> 12) & 0x3F)
    bytes[index + 2] = 0x80 | UInt8(truncatingIfNeeded: (value >> 6) & 0x3F)
    bytes[index + 3] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
    return 4
  }
}
