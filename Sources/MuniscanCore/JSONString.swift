/// JSON strings written as bytes, as Foundation's `JSONEncoder` writes them, for the outputs
/// written field by field rather than through the generic encoder (an archive's index lines,
/// the JSON report's sites).
package enum JSONString {
  /// `text` as a JSON string, quotes included, escaped as the encoder escapes it: quote,
  /// backslash and control characters (the short forms where JSON has one), nothing else.
  package static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
    let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    bytes.append(quote)
    for byte in text.utf8 {
      guard byte < 0x20 || byte == quote || byte == backslash else {
        bytes.append(byte)
        continue
      }
      bytes.append(backslash)
      switch byte {
      case quote, backslash: bytes.append(byte)
      case 0x08: bytes.append(UInt8(ascii: "b"))
      case 0x09: bytes.append(UInt8(ascii: "t"))
      case 0x0A: bytes.append(UInt8(ascii: "n"))
      case 0x0C: bytes.append(UInt8(ascii: "f"))
      case 0x0D: bytes.append(UInt8(ascii: "r"))
      default:
        bytes += "u00".utf8
        LowercaseHex.append(byte, to: &bytes)
      }
    }
    bytes.append(quote)
  }
}
