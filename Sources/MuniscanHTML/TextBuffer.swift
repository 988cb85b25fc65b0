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
/// element boundaries that browsers render as breaks add one (``breakWord()``). Working on bytes
/// and appending whole runs keeps the page walk from creating a String per text node.
struct TextBuffer {
  private(set) var bytes: [UInt8] = []
  private var pendingSpace = false

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  var count: Int { bytes.count }

  /// Marks a word boundary: the next text starts after a space.
  @inline(__always)
  mutating func breakWord() { pendingSpace = true }

  /// Appends a NUL-terminated run of UTF-8 text.
  mutating func append(cString pointer: UnsafePointer<UInt8>) {
    append(UnsafeBufferPointer(start: pointer, count: strlen(pointer)))
  }

  /// Appends UTF-8 text, collapsing whitespace.
  mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
    guard let base = text.baseAddress else { return }
    let end = text.count
    var i = 0
    while i < end {
      let byte = base[i]
      if byte <= 0x20 || byte == 0x7F {
        pendingSpace = true
        i += 1
        continue
      }
      if byte == 0xC2, i + 1 < end, base[i + 1] == 0xA0 {
        pendingSpace = true
        i += 2
        continue
      }
      // A run of non-space bytes.
      var runEnd = i + 1
      while runEnd < end {
        let next = base[runEnd]
        if next <= 0x20 || next == 0x7F || (next == 0xC2 && runEnd + 1 < end && base[runEnd + 1] == 0xA0) {
          break
        }
        runEnd += 1
      }
      if pendingSpace {
        if !bytes.isEmpty { bytes.append(0x20) }
        pendingSpace = false
      }
      bytes.append(contentsOf: UnsafeBufferPointer(start: base + i, count: runEnd - i))
      i = runEnd
    }
  }

  /// The text as a String, trimmed and cut to `maxCharacters` Unicode scalars.
  func string(maxCharacters: Int) -> String {
    bytes.withUnsafeBufferPointer { TextBuffer.string(from: $0, maxCharacters: maxCharacters) }
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
  static func cut(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, maxCharacters: Int)
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
    var buffer = TextBuffer()
    var text = text
    text.withUTF8 { buffer.append($0) }
    return buffer.string(maxCharacters: maxCharacters)
  }
}
