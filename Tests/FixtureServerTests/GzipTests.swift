import Testing

@testable import FixtureServer

/// CRC-32 and the in-process gzip encoder.
@Suite struct GzipTests {
  @Test func crcKnownValues() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
  }

  @Test(arguments: [0, 1, 4095, 4096, 4097, 10_000, 123_457])
  func crcOfARunMatchesThePlainLoop(count: Int) {
    let plain = CRC32.checksum([UInt8](repeating: 0x20, count: count))
    #expect(CRC32.checksum(repeating: 0x20, count: count) == plain)
  }

  @Test func gzipFraming() {
    let bytes = FixtureGzip.compress(Array("hello".utf8))
    #expect(Array(bytes.prefix(3)) == [0x1F, 0x8B, 0x08])
    #expect(Array(bytes.suffix(4)) == [5, 0, 0, 0])  // ISIZE
    let bomb = FixtureGzip.bomb(expandedSize: 10_000_000)
    #expect(bomb.count < 80_000)
  }
}
