import Crypto

/// WARC digests in the form crawlers and replay tools expect: `sha1:` and the SHA-1 in RFC 4648
/// base32 (32 characters, no padding for 20 bytes).
enum WARCDigest {
  /// The digest of `parts` one after the other, as if they were one array.
  static func sha1(_ parts: [UInt8]...) -> String {
    var hasher = Insecure.SHA1()
    for part in parts { hasher.update(data: part) }
    return "sha1:" + base32(Array(hasher.finalize()))
  }

  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

  /// RFC 4648 base32, with `=` padding to a multiple of eight characters; written as bytes, as
  /// three digests of every exchange are (as a String a character at a time it was 0.9 % of a
  /// thousand-site crawl's CPU).
  static func base32(_ bytes: [UInt8]) -> String {
    var text: [UInt8] = []
    text.reserveCapacity((bytes.count + 4) / 5 * 8)
    var buffer = 0
    var bits = 0
    for byte in bytes {
      buffer = (buffer << 8) | Int(byte)
      bits += 8
      while bits >= 5 {
        bits -= 5
        text.append(alphabet[(buffer >> bits) & 31])
      }
      buffer &= (1 << bits) - 1
    }
    if bits > 0 { text.append(alphabet[(buffer << (5 - bits)) & 31]) }
    while text.count % 8 != 0 { text.append(UInt8(ascii: "=")) }
    return String(decoding: text, as: UTF8.self)
  }
}
