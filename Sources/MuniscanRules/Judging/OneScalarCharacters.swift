/// The scalars that are each a character of their own (CR LF aside): Latin up to U+02FF,
/// Cyrillic without its combining marks, dashes, quotes, bullets and other punctuation of
/// U+2010–U+2027 and U+2030–U+205E, and currency signs. Text made only of them reads the same
/// scalar by scalar as character by character, so snippets and sentences are cut on scalars
/// without breaking it into characters; any other text is left to characters.
enum OneScalarCharacters {
  static func contains(_ value: UInt32) -> Bool {
    switch value {
    case 0..<0x300, 0x400..<0x483, 0x48A..<0x530, 0x2010...0x2027, 0x2030...0x205E,
      0x20A0...0x20CF:
      return true
    default:
      return false
    }
  }

  /// The whitespace among them: tab to CR, space, U+0085 and U+00A0.
  static func isSpace(_ value: UInt32) -> Bool {
    value == 0x20 || value &- 0x09 < 5 || value == 0x85 || value == 0xA0
  }
}
