/// Which characters PCRE2's `\w` matches under Unicode properties (letters, numbers and `_`),
/// told only where it is certain whatever Unicode version PCRE2 was built with: ASCII, the
/// Latin and Cyrillic letters, and the spaces, dashes, quotes and symbols of everyday text.
/// ``AnchorWindow`` reads patterns with it and ``PCRE2Pattern`` walks texts with it.
enum WordCharacters {
  /// What a character is to `\w`.
  enum Kind: Equatable {
    /// A letter, a digit or `_`.
    case word
    /// Certainly not a word character.
    case other
    /// Not told here (marks, other scripts, symbols outside the everyday ones).
    case unknown
  }

  static func kind(of scalar: Unicode.Scalar) -> Kind {
    let value = scalar.value
    if value < 0x80 { return isASCIIWord(UInt8(value)) ? .word : .other }
    switch value {
    case 0xAA, 0xB5, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x400...0x481, 0x48A...0x52F:
      return .word
    case 0x85, 0xA0...0xA9, 0xAB...0xB1, 0xB4, 0xB6...0xB8, 0xBB, 0xBF, 0xD7, 0xF7, 0x1680,
      0x2000...0x200A, 0x2010...0x203E, 0x205F, 0x20A0...0x20C0, 0x2116, 0x2122, 0x3000:
      return .other
    default:
      return .unknown
    }
  }

  static func isASCIIWord(_ byte: UInt8) -> Bool {
    byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 || byte == 0x5F
  }

  /// ASCII white space as PCRE2's `\s` has it.
  static func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte &- 0x09 < 5
  }
}
