import Foundation

/// A string as a hash key by its UTF-8 bytes. Judging a site looks every link text and address
/// of every page up in memos and sets, and `String`'s own hashing and equality first bring
/// non-ASCII text (most Estonian and Russian text) to a normal form, which cost more than the
/// lookups saved. Two texts equal only by Unicode canonical equivalence are two keys here: each
/// is then read on its own, whichever of them a page gives first.
struct UTF8Key: Hashable {
  let text: String

  init(_ text: String) { self.text = text }

  func hash(into hasher: inout Hasher) {
    var text = text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
    var left = lhs.text
    var right = rhs.text
    return left.withUTF8 { left in
      right.withUTF8 { right in
        left.count == right.count
          && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
      }
    }
  }
}
