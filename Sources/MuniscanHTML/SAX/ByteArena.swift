#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Attribute values copied out of libxml2's SAX callbacks, whose pointers die with the callback,
/// into one byte array reused from page to page: values are kept as ranges rather than as a
/// String (and a heap allocation) each.
struct ByteArena {
  private(set) var bytes: [UInt8] = []

  /// Copies a NUL-terminated value and returns where it now lies.
  mutating func store(_ value: UnsafePointer<UInt8>) -> Range<Int> {
    let start = bytes.count
    bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: strlen(value)))
    return start..<bytes.count
  }

  /// Forgets the values but keeps the memory.
  mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}
