/// A small DEFLATE (RFC 1951) encoder: one block with the fixed Huffman codes, literals plus
/// distance-1 matches for runs of one byte. Output is valid for any input; it shrinks repetitive
/// data (runs compress about 160:1) and grows other data by at most about 1/8.
struct FixedHuffmanDeflater {
  private var output: [UInt8] = []
  private var bitBuffer: UInt64 = 0
  private var bitCount = 0

  /// Length code bases for codes 257...285 and their numbers of extra bits.
  private static let lengthBases: [Int] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258,
  ]
  private static let lengthExtraBits: [Int] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]

  /// Compresses `bytes` into a complete raw DEFLATE stream.
  static func deflate(_ bytes: [UInt8]) -> [UInt8] {
    var encoder = FixedHuffmanDeflater()
    encoder.beginBlock()
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      var runEnd = index + 1
      while runEnd < bytes.count, bytes[runEnd] == byte { runEnd += 1 }
      encoder.literal(byte)
      encoder.repeatPrevious(count: runEnd - index - 1)
      index = runEnd
    }
    return encoder.endBlock()
  }

  /// A raw DEFLATE stream for `count` copies of `byte`, without materialising them.
  static func deflate(repeating byte: UInt8, count: Int) -> [UInt8] {
    var encoder = FixedHuffmanDeflater()
    encoder.output.reserveCapacity(count / 150 + 16)
    encoder.beginBlock()
    if count > 0 {
      encoder.literal(byte)
      encoder.repeatPrevious(count: count - 1)
    }
    return encoder.endBlock()
  }

  private mutating func beginBlock() {
    writeBits(1, count: 1)  // BFINAL
    writeBits(1, count: 2)  // BTYPE = 01, fixed Huffman codes
  }

  private mutating func endBlock() -> [UInt8] {
    writeSymbol(256)
    if bitCount > 0 {
      output.append(UInt8(truncatingIfNeeded: bitBuffer))
      bitBuffer = 0
      bitCount = 0
    }
    return output
  }

  private mutating func literal(_ byte: UInt8) {
    writeSymbol(Int(byte))
  }

  /// Repeats the previous byte `count` times with distance-1 matches of at most 258 bytes.
  private mutating func repeatPrevious(count: Int) {
    var remaining = count
    while remaining >= 3 {
      let length = min(remaining, 258)
      writeLength(length)
      writeBits(0, count: 5)  // distance code 0 = distance 1, no extra bits
      remaining -= length
    }
    while remaining > 0 {
      writeSymbol(Int(lastLiteral))
      remaining -= 1
    }
  }

  private var lastLiteral: UInt8 = 0

  private mutating func writeLength(_ length: Int) {
    var code = Self.lengthBases.count - 1
    while Self.lengthBases[code] > length { code -= 1 }
    writeSymbol(257 + code)
    let extra = Self.lengthExtraBits[code]
    if extra > 0 { writeBits(UInt64(length - Self.lengthBases[code]), count: extra) }
  }

  /// Writes a literal/length symbol with its fixed Huffman code (RFC 1951 §3.2.6).
  private mutating func writeSymbol(_ symbol: Int) {
    if symbol < 256 { lastLiteral = UInt8(symbol) }
    let code: Int
    let length: Int
    switch symbol {
    case 0...143: (code, length) = (0x30 + symbol, 8)
    case 144...255: (code, length) = (0x190 + symbol - 144, 9)
    case 256...279: (code, length) = (symbol - 256, 7)
    default: (code, length) = (0xC0 + symbol - 280, 8)
    }
    writeHuffman(code, length: length)
  }

  /// Huffman codes go most significant bit first into the LSB-first bit stream.
  private mutating func writeHuffman(_ code: Int, length: Int) {
    var reversed: UInt64 = 0
    for bit in 0..<length where code & (1 << (length - 1 - bit)) != 0 {
      reversed |= 1 << UInt64(bit)
    }
    writeBits(reversed, count: length)
  }

  private mutating func writeBits(_ value: UInt64, count: Int) {
    bitBuffer |= value << UInt64(bitCount)
    bitCount += count
    while bitCount >= 8 {
      output.append(UInt8(truncatingIfNeeded: bitBuffer))
      bitBuffer >>= 8
      bitCount -= 8
    }
  }
}
