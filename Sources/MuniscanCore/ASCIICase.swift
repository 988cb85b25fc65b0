extension UInt8 {
  /// The byte with an ASCII upper-case letter lowered, any other byte as it is: how the
  /// crawler and the analysers compare hosts, schemes, extensions and attribute values without
  /// making Strings.
  @inlinable public var asciiLowercased: UInt8 { self &- 0x41 < 26 ? self | 0x20 : self }
}
