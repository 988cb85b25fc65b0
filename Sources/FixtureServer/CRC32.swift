/// CRC-32 (IEEE 802.3, as gzip uses it), with zlib's `crc32_combine` so the CRC of a long run of
/// one byte costs O(log n) instead of a pass over every byte.
enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { index in
    var crc = UInt32(index)
    for _ in 0..<8 {
      crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
    }
    return crc
  }

  /// The CRC of `bytes`, continuing from `crc` (the CRC of what came before; 0 to start).
  static func checksum(_ bytes: some Sequence<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
    var value = ~crc
    for byte in bytes {
      value = table[Int((value ^ UInt32(byte)) & 0xFF)] ^ (value >> 8)
    }
    return ~value
  }

  /// The CRC of `count` copies of `byte`.
  static func checksum(repeating byte: UInt8, count: Int) -> UInt32 {
    let blockLength = 4096
    let blockCRC = checksum(repeatElement(byte, count: blockLength))
    var result: UInt32 = 0
    var power = blockCRC
    var powerLength = blockLength
    var blocks = count / blockLength
    while blocks > 0 {
      if blocks & 1 == 1 { result = combine(result, power, length2: powerLength) }
      blocks >>= 1
      if blocks > 0 {
        power = combine(power, power, length2: powerLength)
        powerLength *= 2
      }
    }
    let rest = count % blockLength
    return combine(result, checksum(repeatElement(byte, count: rest)), length2: rest)
  }

  /// The CRC of A followed by B, from CRC(A), CRC(B) and B's length (zlib's `crc32_combine`).
  static func combine(_ crc1: UInt32, _ crc2: UInt32, length2: Int) -> UInt32 {
    guard length2 > 0 else { return crc1 }
    var odd = [UInt32](repeating: 0, count: 32)
    var even = [UInt32](repeating: 0, count: 32)
    odd[0] = 0xEDB8_8320
    var row: UInt32 = 1
    for index in 1..<32 {
      odd[index] = row
      row <<= 1
    }
    square(into: &even, odd)  // two zero bits
    square(into: &odd, even)  // four zero bits
    var crc = crc1
    var length = length2
    repeat {
      square(into: &even, odd)
      if length & 1 == 1 { crc = times(even, crc) }
      length >>= 1
      if length == 0 { break }
      square(into: &odd, even)
      if length & 1 == 1 { crc = times(odd, crc) }
      length >>= 1
    } while length != 0
    return crc ^ crc2
  }

  private static func times(_ matrix: [UInt32], _ vector: UInt32) -> UInt32 {
    var sum: UInt32 = 0
    var vector = vector
    var index = 0
    while vector != 0 {
      if vector & 1 == 1 { sum ^= matrix[index] }
      vector >>= 1
      index += 1
    }
    return sum
  }

  private static func square(into result: inout [UInt32], _ matrix: [UInt32]) {
    for index in 0..<32 { result[index] = times(matrix, matrix[index]) }
  }
}
