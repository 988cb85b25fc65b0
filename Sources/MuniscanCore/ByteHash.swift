/// A fast 64-bit hash of a byte string, eight bytes at a time, seeded once per process: how a
/// site's words are found in the rules' byte-string tables and link texts and addresses in their
/// sets and memos, and a page's links in the analyser's table of resolved links, where hashing
/// byte by byte (FNV-1a, or SipHash in `Hasher`) cost more than the lookups. The random seed
/// keeps a hostile page from choosing words or links that all collide.
public enum ByteHash {
  /// This process's seed, odd.
  public static let seed = UInt64.random(in: .min ... .max) | 1

  /// The hash of `bytes` under `seed`. The last bytes short of eight are read by two loads
  /// that may overlap (the length is hashed too), not byte by byte.
  @inlinable @inline(__always)
  public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
    let count = bytes.count
    var hash = seed ^ (UInt64(count) &* 0x9E37_79B9_7F4A_7C15)
    guard count >= 4 else {
      guard count > 0 else { return mix(hash) }
      let tail =
        UInt64(bytes[0]) | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count - 1]) << 16
      return mix(mix(hash ^ tail))
    }
    guard count >= 8 else {
      let low = UInt64(bytes.loadUnaligned(as: UInt32.self))
      let high = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
      return mix(mix(hash ^ (low | high << 32)))
    }
    var offset = 0
    while offset + 8 <= count {
      hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
    }
    if offset < count {
      hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    }
    return mix(hash)
  }

  /// One multiply and fold: every input bit reaches the high and the low half.
  @inlinable @inline(__always)
  static func mix(_ value: UInt64) -> UInt64 {
    let product = value.multipliedFullWidth(by: 0xFF51_AFD7_ED55_8CCD)
    return product.high ^ product.low
  }
}
