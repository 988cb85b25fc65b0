import MuniscanCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `WARC-Record-ID` of a new record: `<urn:uuid:…>` of a random (version 4) UUID drawn from
/// the system's generator. Foundation's `UUID()` opened /dev/urandom for each one, and a crawl
/// writes two records per exchange: half its `open` calls; drawn eight bytes at a time, they
/// took four `getrandom` calls per exchange. Now the bytes of 256 IDs come in one call. Written
/// digit by digit: through `UUID.uuidString` it was 1.6 % of a thousand-site crawl's CPU.
enum WARCRecordID {
  /// Random bytes drawn from the system 4 KB at a time, handed out sixteen at a time.
  private struct RandomBytes: Sendable {
    static let refill = 4096
    var bytes = [UInt8](repeating: 0, count: refill)
    var next = refill

    /// The next sixteen bytes, drawing more from the system when these are spent.
    mutating func take() -> (UInt64, UInt64) {
      if next + 16 > bytes.count {
        // glibc's arc4random_buf draws with getrandom.
        bytes.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
        next = 0
      }
      defer { next += 16 }
      return bytes.withUnsafeBytes {
        (
          $0.loadUnaligned(fromByteOffset: next, as: UInt64.self),
          $0.loadUnaligned(fromByteOffset: next + 8, as: UInt64.self)
        )
      }
    }
  }

  private static let random = Locked(RandomBytes())

  static func make() -> String {
    var bytes = random.withLock { $0.take() }
    return withUnsafeMutableBytes(of: &bytes) { raw in
      raw[6] = raw[6] & 0x0F | 0x40  // version 4: random
      raw[8] = raw[8] & 0x3F | 0x80  // the RFC 9562 variant
      var text = Array("<urn:uuid:".utf8)
      text.reserveCapacity(47)
      for (index, byte) in raw.enumerated() {
        if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
        LowercaseHex.append(byte, to: &text)
      }
      text.append(UInt8(ascii: ">"))
      return String(decoding: text, as: UTF8.self)
    }
  }
}
