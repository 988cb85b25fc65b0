/// Eight-bytes-at-a-time tests ("SIMD within a register") that let text scanners step over
/// stretches that cannot hold what they look for. The tests used are exact about whether a
/// matching byte exists in a block, so no match is ever skipped.
enum SWAR {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  @inline(__always)
  private static func load(_ base: UnsafePointer<UInt8>, _ index: Int) -> UInt64 {
    UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
  }

  /// Whether some byte of `word` is `byte`.
  @inline(__always)
  static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
    let x = word ^ (ones &* UInt64(byte))
    return (x &- ones) & ~x & highBits != 0
  }

  /// Whether some byte `b` of `word` has `low < b < high` (both at most 0x7F).
  @inline(__always)
  static func containsBetween(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> Bool {
    let seven = word & (ones &* 0x7F)
    let between =
      (ones &* (127 + UInt64(high)) &- seven) & ~word & (seven &+ ones &* (127 - UInt64(low)))
    return between & highBits != 0
  }

  /// The first index at or after `index` whose eight-byte block may hold a byte between `low`
  /// and `high` (exclusive), or the index of the last partial block.
  @inline(__always)
  static func skipBlocks(
    _ bytes: UnsafeBufferPointer<UInt8>, from index: Int, unlessByteAbove low: UInt8,
    below high: UInt8
  ) -> Int {
    guard let base = bytes.baseAddress else { return bytes.count }
    var i = index
    while i &+ 8 <= bytes.count, !containsBetween(load(base, i), low, high) { i &+= 8 }
    return min(i, bytes.count)
  }

  /// The first index at or after `index` whose eight-byte block may hold one of three bytes.
  @inline(__always)
  static func skipBlocks(
    _ bytes: UnsafeBufferPointer<UInt8>, from index: Int, unlessAny first: UInt8,
    _ second: UInt8, _ third: UInt8
  ) -> Int {
    guard let base = bytes.baseAddress else { return bytes.count }
    var i = index
    while i &+ 8 <= bytes.count {
      let word = load(base, i)
      if contains(word, first) || contains(word, second) || contains(word, third) { break }
      i &+= 8
    }
    return min(i, bytes.count)
  }
}
