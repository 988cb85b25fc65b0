#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Visible text gathered as UTF-8 with whitespace collapsed while it is appended.
///
/// Runs of spaces, tabs, line breaks, control characters and no-break spaces become one space;
/// element boundaries that browsers render as breaks add one (``breakWord()``). It writes into
/// memory it manages itself, checking capacity once per text node rather than once per byte or
/// word, because appending text is the hottest loop of fact collection.
final class TextBuffer {
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private(set) var count = 0
  private var pendingSpace = false

  init(capacity: Int = 256) {
    self.capacity = max(capacity, 16)
    storage = .allocate(capacity: self.capacity)
  }

  deinit { storage.deallocate() }

  /// The bytes gathered so far; valid until the next append.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

  /// Marks a word boundary: the next text starts after a space.
  @inline(__always)
  func breakWord() { pendingSpace = true }

  /// Appends a NUL-terminated run of UTF-8 text.
  func append(cString pointer: UnsafePointer<UInt8>) {
    append(UnsafeBufferPointer(start: pointer, count: strlen(pointer)))
  }

  private func reserve(_ needed: Int) {
    guard needed > capacity else { return }
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newStorage.update(from: storage, count: count)
    storage.deallocate()
    storage = newStorage
    capacity = newCapacity
  }

  /// Whether eight bytes can be copied as they are: no controls or DEL, no byte 0xA0 (which
  /// might end a no-break space), not ending in 0xC2 (which might start one), spaces only single
  /// and inside (not first when a space is pending or nothing is written, never last). The SWAR
  /// tests used are exact about which bytes they mark.
  @inline(__always)
  static func isPlain(_ word: UInt64, afterSpace: Bool) -> Bool {
    let high: UInt64 = 0x8080_8080_8080_8080
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let ones: UInt64 = 0x0101_0101_0101_0101
    // Bytes below 0x20 ("has less than", exact for existence).
    if (word &- ones &* 0x20) & ~word & high != 0 { return false }
    if word >> 56 == 0xC2 || SWAR.contains(word, 0xA0) { return false }
    // Per byte: high bit set unless the byte is 0x7F (or 0x20 below).
    let delete = word ^ low7
    if ((delete & low7) &+ low7 | delete) & high != high { return false }
    let space = word ^ (ones &* 0x20)
    let spaces = ~((space & low7) &+ low7 | space) & high
    if spaces == 0 { return true }
    if spaces & (spaces << 8) != 0 { return false }
    if spaces & 0x8000_0000_0000_0000 != 0 { return false }
    if afterSpace, spaces & 0x80 != 0 { return false }
    return true
  }

  /// Forgets the text but keeps the memory, for the next page.
  func removeAll() {
    count = 0
    pendingSpace = false
  }

  /// Appends UTF-8 text, collapsing whitespace.
  func append(_ text: UnsafeBufferPointer<UInt8>) {
    guard let source = text.baseAddress, !text.isEmpty else { return }
    reserve(count + text.count + 1)
    let end = text.count
    let output = storage
    var written = count
    var pending = pendingSpace
    var i = 0
    while i < end {
      // Eight plain bytes (ASCII, no controls, single spaces only inside) are copied at once.
      if i &+ 8 <= end {
        let word = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
        if TextBuffer.isPlain(word, afterSpace: pending || written == 0) {
          if pending {
            if written > 0 {
              output[written] = 0x20
              written += 1
            }
            pending = false
          }
          UnsafeMutableRawPointer(output + written).storeBytes(of: word, as: UInt64.self)
          written += 8
          i += 8
          continue
        }
      }
      let byte = source[i]
      if byte <= 0x20 || byte == 0x7F {
        pending = true
        i += 1
        continue
      }
      if byte == 0xC2, i + 1 < end, source[i + 1] == 0xA0 {
        pending = true
        i += 2
        continue
      }
      if pending {
        if written > 0 {
          output[written] = 0x20
          written += 1
        }
        pending = false
      }
      output[written] = byte
      written += 1
      i += 1
    }
    count = written
    pendingSpace = pending
  }

  /// The text as a String, trimmed and cut to `maxCharacters` Unicode scalars.
  func string(maxCharacters: Int) -> String {
    TextBuffer.string(from: bytes, maxCharacters: maxCharacters)
  }

  /// A slice of collapsed UTF-8 text as a trimmed String of at most `maxCharacters` scalars
  /// (invalid UTF-8 becomes U+FFFD).
  static func string(from bytes: UnsafeBufferPointer<UInt8>, maxCharacters: Int) -> String {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 { end -= 1 }
    end = cut(bytes, from: start, to: end, maxCharacters: maxCharacters)
    while end > start, bytes[end - 1] == 0x20 { end -= 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// The end index that keeps at most `maxCharacters` scalars of `bytes[start..<end]`, never
  /// splitting a UTF-8 sequence.
  static func cut(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, maxCharacters: Int
  )
    -> Int
  {
    if end - start <= maxCharacters { return end }
    var scalars = 0
    var index = start
    while index < end {
      if bytes[index] & 0xC0 != 0x80 {
        if scalars == maxCharacters { return index }
        scalars += 1
      }
      index += 1
    }
    return end
  }
}

/// Collapses whitespace of short strings (attribute values, XPath string results).
enum TextCollapser {
  static func collapse(_ text: String, maxCharacters: Int) -> String {
    var text = text
    return text.withUTF8 { collapse($0, maxCharacters: maxCharacters) }
  }

  static func collapse(_ text: UnsafeBufferPointer<UInt8>, maxCharacters: Int) -> String {
    let buffer = TextBuffer()
    buffer.append(text)
    return buffer.string(maxCharacters: maxCharacters)
  }
}
