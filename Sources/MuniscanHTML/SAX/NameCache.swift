/// Remembers what element and attribute names mean by their address.
///
/// libxml2's HTML parser interns every element and attribute name in its context's dictionary
/// (the elements it implies, such as `p` or `body`, are static strings), so one name is always
/// the same pointer while the context lives: a pointer compare replaces reading and hashing the
/// name on every element. Direct-mapped; a clash just recomputes. Must be emptied whenever the
/// parser context (and so its dictionary) is replaced.
struct NameCache<Value> {
  private static var mask: Int { 1023 }
  private var names: [UnsafeRawPointer?]
  private var values: [Value]

  init(placeholder: Value) {
    names = Array(repeating: nil, count: Self.mask + 1)
    values = Array(repeating: placeholder, count: Self.mask + 1)
  }

  /// What `name` means, from the cache or else from `compute`.
  @inline(__always)
  mutating func value(
    for name: UnsafePointer<UInt8>, else compute: (UnsafePointer<UInt8>) -> Value
  ) -> Value {
    let address = UInt(bitPattern: name)
    let slot = Int(truncatingIfNeeded: (address >> 3) ^ (address >> 13)) & Self.mask
    if names[slot] == UnsafeRawPointer(name) { return values[slot] }
    let value = compute(name)
    names[slot] = UnsafeRawPointer(name)
    values[slot] = value
    return value
  }

  /// Forgets every name (the parser context was replaced).
  mutating func removeAll() {
    for slot in names.indices { names[slot] = nil }
  }
}
