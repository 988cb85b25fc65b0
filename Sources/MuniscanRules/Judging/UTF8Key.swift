import Foundation
import MuniscanCore

/// A string as a hash key by its UTF-8 bytes. Judging a site looks every link text and address
/// of every page up in memos and sets, and `String`'s own hashing and equality first bring
/// non-ASCII text (most Estonian and Russian text) to a normal form, which cost more than the
/// lookups saved. Two texts equal only by Unicode canonical equivalence are two keys here: each
/// is then read on its own, whichever of them a page gives first.
struct UTF8Key: Hashable {
  let text: String

  init(_ text: String) { self.text = text }

  // The bytes are read in place (`withContiguousStorageIfAvailable`), not through a mutable
  // copy of the string, which cost a retain and a release per key, and hashed by ``ByteHash``
  // eight at a time; `Hasher` gets the result: SipHash over every byte of every link text and
  // address cost more than the lookups. The seed is read before the bytes: read while they were
  // in use, a call into another module, it made the string be retained and released around it.
  func hash(into hasher: inout Hasher) {
    let seed = ByteHash.seed
    let hashed = text.utf8.withContiguousStorageIfAvailable {
      ByteHash.hash(UnsafeRawBufferPointer($0), seed: seed)
    }
    hasher.combine(hashed ?? Array(text.utf8).withUnsafeBytes { ByteHash.hash($0, seed: seed) })
  }

  static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool { equal(lhs.text, rhs.text) }

  /// Whether two strings have the same UTF-8 bytes: the keys' equality, for strings not
  /// (yet) made keys.
  static func equal(_ lhs: String, _ rhs: String) -> Bool {
    let left = lhs.utf8
    let right = rhs.utf8
    guard left.count == right.count else { return false }
    let equal = left.withContiguousStorageIfAvailable { left in
      right.withContiguousStorageIfAvailable { right in
        left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
      }
    }
    return (equal ?? nil) ?? left.elementsEqual(right)
  }

  /// The same for optional strings: both absent, or both present with the same bytes.
  static func equal(_ lhs: String?, _ rhs: String?) -> Bool {
    switch (lhs, rhs) {
    case (nil, nil): return true
    case (let left?, let right?): return equal(left, right)
    default: return false
    }
  }
}
