import MuniscanCore

/// Case-insensitive tests on NUL-terminated attribute values, without making Strings.
enum ASCII {
  /// Whether the byte is an ASCII letter or digit.
  @inline(__always)
  static func isAlphanumeric(_ byte: UInt8) -> Bool {
    byte.asciiLowercased &- 0x61 < 26 || byte &- 0x30 < 10
  }

  /// Whether the byte is a space, tab, line feed or carriage return: the blanks libxml2 skips
  /// in markup (`IS_BLANK_CH`).
  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Whether the value, ignoring surrounding whitespace and ASCII case, is `literal` (lower-case).
  static func equalsIgnoringCase(_ value: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
    var start = 0
    while value[start] == 0x20 || value[start] == 0x09 || value[start] == 0x0A { start += 1 }
    guard startsIgnoringCase(value + start, literal) else { return false }
    var end = start + literal.utf8CodeUnitCount
    while value[end] == 0x20 || value[end] == 0x09 || value[end] == 0x0A { end += 1 }
    return value[end] == 0
  }

  /// Whether the value starts with `literal` (lower-case), ignoring ASCII case. The value's NUL
  /// ends the comparison: it equals no letter of a literal.
  static func startsIgnoringCase(_ value: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
    let bytes = literal.utf8Start
    for offset in 0..<literal.utf8CodeUnitCount where value[offset].asciiLowercased != bytes[offset]
    {
      return false
    }
    return true
  }

  /// Whether an inline style hides the element (`display: none`, `visibility: hidden`).
  static func styleHides(_ style: UnsafePointer<UInt8>) -> Bool {
    containsIgnoringSpaceAndCase(style, "display:none")
      || containsIgnoringSpaceAndCase(style, "visibility:hidden")
  }

  /// Whether `needle` (lower-case, no spaces) occurs in the value when its whitespace is ignored.
  private static func containsIgnoringSpaceAndCase(
    _ value: UnsafePointer<UInt8>, _ needle: StaticString
  ) -> Bool {
    let bytes = needle.utf8Start
    let count = needle.utf8CodeUnitCount
    var start = 0
    while value[start] != 0 {
      if value[start].asciiLowercased == bytes[0] {
        var offset = 1
        var index = start + 1
        while offset < count {
          let byte = value[index]
          if isBlank(byte) {
            index += 1
            continue
          }
          if byte.asciiLowercased != bytes[offset] { break }
          offset += 1
          index += 1
        }
        if offset == count { return true }
      }
      start += 1
    }
    return false
  }
}
