import Foundation

/// The `WARC-Record-ID` of a new record: `<urn:uuid:…>` of a random (version 4) UUID drawn from
/// the system's generator (getrandom). Foundation's `UUID()` opened /dev/urandom for each one,
/// and a crawl writes two records per exchange: half its `open` calls.
enum WARCRecordID {
  static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    var bytes = (generator.next() as UInt64, generator.next() as UInt64)
    let uuid = withUnsafeMutableBytes(of: &bytes) { raw in
      raw[6] = raw[6] & 0x0F | 0x40  // version 4: random
      raw[8] = raw[8] & 0x3F | 0x80  // the RFC 9562 variant
      return raw.load(as: uuid_t.self)
    }
    return "<urn:uuid:\(UUID(uuid: uuid).uuidString.lowercased())>"
  }
}
