import MuniscanCore

/// Case-insensitive tests on NUL-terminated attribute values, without making Strings.
enum ASCII {
  /// Whether the byte is an ASCII letter or digit.
  @inline(__always)
  static func isAlphanumeric(_ byte: UInt8) -> Bool {
    byte.asciiLowercased &- 0x61 < 26 || byte &- 0x30 < 10
  }

  /// Whether the value, ignoring surrounding whitespace and ASCII case, is `literal` (lower-case).
  static func equalsIgnoringCase(_ value: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
    var start = 0
    while value[start] == 0x20 || value[start] == 0x09 || value[start] == 0x0A { start += 1 }
    let bytes = literal.utf8Start
    let count = literal.utf8CodeUnitCount
    for offset in 0..<count where value[start + offset].asciiLowercased != bytes[offset] {
      return false
    }
    var end = start + count
    while value[end] == 0x20 || value[end] == 0x09 || value[end] == 0x0A { end += 1 }
    return value[end] == 0
  }

  /// Whether the value contains `needle` (lower-case), ignoring ASCII case.
  static func containsIgnoringCase(_ value: UnsafePointer<UInt8>, _ needle: StaticString) -> Bool {
    let bytes = needle.utf8Start
    let count = needle.utf8CodeUnitCount
    let first = bytes[0]
    var index = 0
    while value[index] != 0 {
      if value[index].asciiLowercased == first {
        var offset = 1
        while offset < count, value[index + offset].asciiLowercased == bytes[offset] { offset += 1 }
        if offset == count { return true }
      }
      index += 1
    }
    return false
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
          if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
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
