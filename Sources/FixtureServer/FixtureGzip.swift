/// gzip (RFC 1952) bodies made in process, since NIO has no compressor: a single DEFLATE block
/// with fixed Huffman codes (see `FixedHuffmanDeflater`). Any gzip decoder (curl, zlib, Python)
/// reads them.
public enum FixtureGzip {
  /// `bytes` as one gzip member.
  public static func compress(_ bytes: [UInt8]) -> [UInt8] {
    member(
      deflated: FixedHuffmanDeflater.deflate(bytes), crc: CRC32.checksum(bytes), size: bytes.count)
  }

  /// A gzip member that inflates to `expandedSize` copies of `byte` (a space by default) while
  /// being about 160 times smaller; built without materialising the expanded bytes.
  public static func bomb(expandedSize: Int, byte: UInt8 = 0x20) -> [UInt8] {
    member(
      deflated: FixedHuffmanDeflater.deflate(repeating: byte, count: expandedSize),
      crc: CRC32.checksum(repeating: byte, count: expandedSize), size: expandedSize)
  }

  private static func member(deflated: [UInt8], crc: UInt32, size: Int) -> [UInt8] {
    // ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=0 OS=255 (unknown)
    var bytes: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
    bytes.reserveCapacity(deflated.count + 18)
    bytes += deflated
    bytes += littleEndian(crc)
    bytes += littleEndian(UInt32(truncatingIfNeeded: size))
    return bytes
  }

  private static func littleEndian(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }
}
