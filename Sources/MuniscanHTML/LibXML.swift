import CLibXML2

/// Small, allocation-free accessors over libxml2's tree, shared by the walkers of this module.
enum LibXML {
  /// Calls `xmlInitParser` once per process before any parser or XPath context is made.
  static let initialized: Bool = {
    xmlInitParser()
    return true
  }()

  /// The value of an attribute when libxml2 stored it as one text node (the HTML parser always
  /// does), without copying; nil otherwise.
  @inline(__always)
  static func value(of attribute: xmlAttrPtr) -> UnsafePointer<UInt8>? {
    guard let child = attribute.pointee.children else { return nil }
    if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE {
      return UnsafePointer(child.pointee.content)
    }
    return nil
  }

  /// An attribute value as a Swift string ("" for a value-less attribute such as `hidden`).
  static func string(of attribute: xmlAttrPtr) -> String {
    if let pointer = value(of: attribute) { return String(cString: pointer) }
    guard let children = attribute.pointee.children,
      let joined = xmlNodeListGetString(attribute.pointee.doc, children, 1)
    else { return "" }
    defer { muniscan_xml_free(joined) }
    return String(cString: joined)
  }

  /// Packs the first eight bytes of a NUL-terminated name into an integer key; `isLong` tells
  /// whether the name goes on past eight bytes.
  @inline(__always)
  static func key(_ name: UnsafePointer<UInt8>) -> (key: UInt64, isLong: Bool) {
    var key: UInt64 = 0
    for offset in 0..<8 {
      let byte = name[offset]
      if byte == 0 { return (key, false) }
      key |= UInt64(byte) << UInt64(offset * 8)
    }
    return (key, name[8] != 0)
  }

  /// The key of a short ASCII name, for building lookup tables.
  static func key(_ name: StaticString) -> UInt64 {
    precondition(name.utf8CodeUnitCount <= 8)
    var key: UInt64 = 0
    for offset in 0..<name.utf8CodeUnitCount {
      key |= UInt64(name.utf8Start[offset]) << UInt64(offset * 8)
    }
    return key
  }

  /// Whether a NUL-terminated C string equals `literal`.
  @inline(__always)
  static func equals(_ pointer: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    let bytes = literal.utf8Start
    for offset in 0..<count where pointer[offset] != bytes[offset] { return false }
    return pointer[count] == 0
  }
}
