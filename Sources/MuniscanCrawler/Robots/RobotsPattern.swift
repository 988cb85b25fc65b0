/// Percent-encoding normalisation shared by robots.txt path patterns and request paths
/// (RFC 9309 §2.2.2), so that two spellings of one URL compare equal.
///
/// Both sides are turned into tokens, one per octet: a `UInt16` below 0x100 is a literal ASCII
/// character, `0x100 | octet` is a percent-encoded octet. Unreserved characters
/// (`A-Z a-z 0-9 - . _ ~`) are always literal, so `%7E` equals `~`. Reserved characters other
/// than `*` and `$` keep their spelling, so `%2F` differs from `/` and `%3F` from `?`. Every other
/// octet (non-ASCII, controls, space, `"`, `<`, `%` not starting an escape, and `*` and `$`, which
/// are special in patterns) is always encoded, so `ü` equals `%C3%BC` and `%c3%bc`, and a pattern's
/// `%2A` equals a path's literal `*`.
enum RobotsURLEncoding {
  /// Flag marking a token as a percent-encoded octet.
  static let encoded: UInt16 = 0x100

  /// Normalised tokens of raw path (or pattern segment) bytes.
  static func tokens(_ bytes: ArraySlice<UInt8>) -> [UInt16] {
    var out: [UInt16] = []
    out.reserveCapacity(bytes.count)
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let byte = bytes[i]
      if byte == UInt8(ascii: "%"), i + 2 < bytes.endIndex, let high = hexValue(bytes[i + 1]),
        let low = hexValue(bytes[i + 2])
      {
        let octet = high << 4 | low
        out.append(isUnreserved(octet) ? UInt16(octet) : encoded | UInt16(octet))
        i += 3
      } else {
        let literal = isUnreserved(byte) || isKeptReserved(byte)
        out.append(literal ? UInt16(byte) : encoded | UInt16(byte))
        i += 1
      }
    }
    return out
  }

  /// The path and query of an absolute URL or of a path, without the fragment, always starting
  /// with `/`.
  static func pathAndQuery(_ url: String) -> [UInt8] {
    let bytes = Array(url.utf8)
    let start = originLength(bytes) ?? 0
    let end = bytes[start...].firstIndex(of: hash) ?? bytes.endIndex
    var path = Array(bytes[start..<end])
    if path.first != slash { path.insert(slash, at: 0) }
    return path
  }

  /// The `scheme://authority` an absolute URL starts with; nil for a path.
  static func origin(of url: String) -> Substring? {
    let length =
      url.utf8.withContiguousStorageIfAvailable(originLength) ?? originLength(Array(url.utf8))
    guard let length else { return nil }
    return Substring(url.utf8.prefix(length))
  }

  /// The length in bytes of the `scheme://authority` the bytes start with; nil for a path.
  private static func originLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Int?
  where Bytes.Index == Int {
    guard let authority = authorityStart(bytes) else { return nil }
    return bytes[authority...].firstIndex { $0 == slash || $0 == question || $0 == hash }
      ?? bytes.endIndex
  }

  /// Index just after `scheme://` when the text starts with one.
  private static func authorityStart<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Int?
  where Bytes.Index == Int {
    guard let first = bytes.first, isAlpha(first) else { return nil }
    var i = bytes.startIndex + 1
    while i < bytes.endIndex,
      isAlpha(bytes[i]) || isDigit(bytes[i]) || "+-.".utf8.contains(bytes[i])
    {
      i += 1
    }
    guard i + 2 < bytes.endIndex, bytes[i] == UInt8(ascii: ":"), bytes[i + 1] == slash,
      bytes[i + 2] == slash
    else { return nil }
    return i + 3
  }

  private static let slash = UInt8(ascii: "/")
  private static let question = UInt8(ascii: "?")
  private static let hash = UInt8(ascii: "#")

  private static func isAlpha(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  static func isUnreserved(_ byte: UInt8) -> Bool {
    isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
  }

  /// Reserved characters (RFC 3986 gen-delims and sub-delims) whose encoded and literal forms
  /// differ in meaning; `*` and `$` are left out because patterns give them their own meaning.
  private static func isKeptReserved(_ byte: UInt8) -> Bool {
    ":/?#[]@!&'()+,;=".utf8.contains(byte)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}

/// An `allow`/`disallow` path pattern: `*` matches any sequence of octets, a final `$` anchors the
/// pattern to the end of the path, and otherwise the pattern matches any path it is a prefix of.
///
/// Matching is greedy over the literal segments between `*`s: each segment is taken at its
/// leftmost occurrence after the previous one, which is enough for `*`-only globs and never
/// backtracks; each search is linear, so a match costs O(path length × number of `*`s + pattern
/// length).
struct RobotsPattern: Sendable, Hashable {
  /// Normalised literal runs between `*`s; `["/a", "b"]` for `/a*b`.
  let segments: [[UInt16]]
  /// Whether the pattern ended in `$`.
  let anchored: Bool
  /// Specificity: the pattern's length in octets (percent-encoded octets count once, `*` and
  /// `$` count one each).
  let length: Int

  /// Builds a pattern from a non-empty rule value. A value that starts with neither `/` nor `*`
  /// is read as if it started with `/`.
  init(_ value: [UInt8]) {
    var raw = value[...]
    var anchored = false
    if raw.last == UInt8(ascii: "$") {
      anchored = true
      raw = raw.dropLast()
    }
    var prefixed: [UInt8] = []
    if raw.first != UInt8(ascii: "/") && raw.first != UInt8(ascii: "*") {
      prefixed = [UInt8(ascii: "/")]
    }
    prefixed.append(contentsOf: raw)
    let segments = prefixed.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false)
      .map(RobotsURLEncoding.tokens)
    self.segments = segments
    self.anchored = anchored
    self.length =
      segments.reduce(0) { $0 + $1.count } + (segments.count - 1) + (anchored ? 1 : 0)
  }

  /// Whether the pattern matches normalised path tokens, anchored at the path's start.
  func matches(_ path: [UInt16]) -> Bool {
    let first = segments[0]
    guard path.count >= first.count, path[..<first.count].elementsEqual(first) else {
      return false
    }
    if segments.count == 1 { return !anchored || path.count == first.count }
    var position = first.count
    for segment in segments[1..<(segments.count - 1)] {
      guard let found = Self.find(segment, in: path, from: position) else { return false }
      position = found + segment.count
    }
    let last = segments[segments.count - 1]
    if anchored {
      return path.count - last.count >= position
        && path[(path.count - last.count)...]
          .elementsEqual(last)
    }
    return Self.find(last, in: path, from: position) != nil
  }

  /// Leftmost start of `needle` in `haystack` at or after `from` (Knuth–Morris–Pratt, linear).
  private static func find(_ needle: [UInt16], in haystack: [UInt16], from: Int) -> Int? {
    if needle.isEmpty { return from }
    guard haystack.count - needle.count >= from else { return nil }
    // failure[i]: length of the longest proper border of needle[...i].
    var failure = [Int](repeating: 0, count: needle.count)
    var border = 0
    for i in 1..<needle.count {
      while border > 0 && needle[i] != needle[border] { border = failure[border - 1] }
      if needle[i] == needle[border] { border += 1 }
      failure[i] = border
    }
    var matched = 0
    for i in from..<haystack.count {
      while matched > 0 && haystack[i] != needle[matched] { matched = failure[matched - 1] }
      if haystack[i] == needle[matched] { matched += 1 }
      if matched == needle.count { return i - needle.count + 1 }
    }
    return nil
  }
}
