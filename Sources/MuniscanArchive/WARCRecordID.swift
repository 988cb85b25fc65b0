/// The `WARC-Record-ID` of a new record: `<urn:uuid:…>` of a random (version 4) UUID drawn from
/// the system's generator (getrandom). Foundation's `UUID()` opened /dev/urandom for each one,
/// and a crawl writes two records per exchange: half its `open` calls. Written
/// digit by digit: through `UUID.uuidString` it was 1.6 % of a thousand-site crawl's CPU.
enum WARCRecordID {
  static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    var bytes = (generator.next() as UInt64, generator.next() as UInt64)
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
