#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes every NUL character of a page as U+FFFD before libxml2 reads it, as browsers'
/// tokenizers do. libxml2 2.9's HTML parser gives up on the rest of a document at a NUL inside
/// a tag (`<di\0v cla\0ss="x">`), so one stray byte would lose every link after it.
enum NULReplacement {
  /// `bytes`, in `encoding` (the one libxml2 is told), with each NUL character replaced, or nil
  /// when there is none: the common case costs one `memchr` and no copy.
  static func replacingNULs(in bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> [UInt8]? {
    guard let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil else { return nil }
    switch encoding {
    case "utf-16le", "utf-16be", "utf-16":
      return replacingCodeUnits(bytes, bigEndian: encoding == "utf-16be")
    case "utf-8":
      return replacingBytes(bytes, with: [0xEF, 0xBF, 0xBD])
    default:
      // The legacy multi-byte encodings (Shift_JIS, EUC-KR, Big5, …) have no U+FFFD; a NUL
      // byte is never part of another character in them, and `?` is what iconv writes for
      // what it cannot represent.
      return replacingBytes(bytes, with: [UInt8(ascii: "?")])
    }
  }

  private static func replacingBytes(_ bytes: UnsafeBufferPointer<UInt8>, with replacement: [UInt8])
    -> [UInt8]
  {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 16)
    for byte in bytes {
      if byte == 0 { output += replacement } else { output.append(byte) }
    }
    return output
  }

  /// UTF-16 (without its byte order mark, which the analyser has removed; plain `utf-16` is
  /// little-endian to libxml2): each zero code unit becomes U+FFFD, while the zero bytes of
  /// other characters stay.
  private static func replacingCodeUnits(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool)
    -> [UInt8]
  {
    var output = Array(bytes)
    var index = 0
    while index + 1 < output.count {
      if output[index] == 0 && output[index + 1] == 0 {
        output[index] = bigEndian ? 0xFF : 0xFD
        output[index + 1] = bigEndian ? 0xFD : 0xFF
      }
      index += 2
    }
    return output
  }
}
