import MuniscanCore

/// Resolves link targets against a page's base URL.
///
/// It follows RFC 3986 §5.2 with the leniencies browsers apply to real hrefs (the WHATWG URL
/// Standard): surrounding spaces and embedded tabs and line breaks are dropped, `\` counts as `/`
/// in http(s) URLs, `http:page.html` on an http page is relative, scheme and host are
/// lower-cased, default ports removed, the fragment dropped, and spaces, quotes and non-ASCII
/// bytes in path and query percent-encoded. Foundation's `URL(string:relativeTo:)` is an order of
/// magnitude slower and rejects many hrefs browsers follow; pages have hundreds of links, so this
/// works on bytes in scratch buffers it reuses from link to link.
struct URLResolver {
  private struct Base {
    var scheme: [UInt8]
    var schemeKey: UInt64
    var isSpecial: Bool
    /// Normalised already.
    var authority: [UInt8]?
    var path: [UInt8]
    var query: [UInt8]?
  }

  private let base: Base?
  /// The base's `scheme://authority`, when it has an authority: all that a reference which is
  /// absolute, `//host…` or `/path…` is resolved against.
  let origin: [UInt8]?
  /// Whether the last reference resolved was one of those, so that its URL (or nil) is the same
  /// on every page of `origin`.
  private(set) var lastDependedOnOriginAlone = false
  private var input: [UInt8] = []
  private var path: [UInt8] = []
  private var output: [UInt8] = []
  private var segmentStarts: [Int] = []

  init(base: String) {
    var parser = URLResolver(parsedBase: nil)
    self.init(parsedBase: parser.parseBase(Array(base.utf8)))
  }

  private init(parsedBase: Base?) {
    base = parsedBase
    origin = parsedBase.flatMap { base in
      base.authority.map { base.scheme + [0x3A, 0x2F, 0x2F] + $0 }
    }
  }

  /// The absolute URL of `reference`, or nil when it cannot be resolved (no usable base for a
  /// relative reference, an empty host, a bad port).
  mutating func resolve(_ reference: String) -> String? {
    var reference = reference
    return reference.withUTF8 { resolve(bytes: $0) }
  }

  /// Whether a resolved URL is a web page's, http or https: an unknown scheme ("mailtokxp:",
  /// "ftp:") resolves to itself.
  static func isWeb(_ url: String) -> Bool {
    url.hasPrefix("https://") || url.hasPrefix("http://")
  }

  /// The same for the UTF-8 bytes of a reference.
  mutating func resolve(bytes reference: UnsafeBufferPointer<UInt8>) -> String? {
    lastDependedOnOriginAlone = false
    guard let parts = parse(reference, baseScheme: base?.schemeKey) else { return nil }
    lastDependedOnOriginAlone =
      origin != nil
      && (parts.scheme != nil || parts.authority != nil
        || (!parts.path.isEmpty && input[parts.path.lowerBound] == 0x2F))
    output.removeAll(keepingCapacity: true)
    path.removeAll(keepingCapacity: true)
    let special: Bool
    var hasAuthority = false
    var query = parts.query.map { input[$0] }
    if let scheme = parts.scheme {
      let key = URLResolver.schemeKey(input[scheme])
      special = URLResolver.isSpecial(key)
      for byte in input[scheme] { output.append(byte.asciiLowercased) }
      output.append(0x3A)
      if let authority = parts.authority {
        guard appendAuthority(authority, scheme: key, special: special) else { return nil }
        hasAuthority = true
      }
      path.append(contentsOf: input[parts.path])
    } else {
      guard let base, base.authority != nil || base.path.first == 0x2F else { return nil }
      special = base.isSpecial
      output.append(contentsOf: base.scheme)
      output.append(0x3A)
      if let authority = parts.authority {
        guard appendAuthority(authority, scheme: base.schemeKey, special: special) else {
          return nil
        }
        hasAuthority = true
        path.append(contentsOf: input[parts.path])
      } else {
        if let authority = base.authority {
          output.append(contentsOf: [0x2F, 0x2F])
          output.append(contentsOf: authority)
          hasAuthority = true
        }
        if parts.path.isEmpty {
          path.append(contentsOf: base.path)
          if query == nil, let baseQuery = base.query { query = baseQuery[...] }
        } else if input[parts.path.lowerBound] == 0x2F {
          path.append(contentsOf: input[parts.path])
        } else {
          // RFC 3986 §5.2.3 merge.
          if base.authority != nil, base.path.isEmpty {
            path.append(0x2F)
          } else if let slash = base.path.lastIndex(of: 0x2F) {
            path.append(contentsOf: base.path[...slash])
          }
          path.append(contentsOf: input[parts.path])
        }
      }
    }
    if URLResolver.hasDotSegments(path) { removeDotSegments() }
    if path.isEmpty, special, hasAuthority { path.append(0x2F) }
    URLResolver.appendEncoded(path, to: &output)
    if let query {
      output.append(0x3F)
      URLResolver.appendEncoded(query, to: &output)
    }
    return String(decoding: output, as: UTF8.self)
  }

  // MARK: Parsing

  private struct Parts {
    var scheme: Range<Int>?
    var authority: Range<Int>?
    var path: Range<Int>
    var query: Range<Int>?
  }

  /// A scheme as an integer: its first seven bytes lower-cased and its length, so comparing
  /// schemes needs no allocation.
  static func schemeKey<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var key: UInt64 = 0
    var shift: UInt64 = 0
    for byte in bytes.prefix(7) {
      key |= UInt64(byte.asciiLowercased) << shift
      shift += 8
    }
    return key | UInt64(min(bytes.count, 255)) << 56
  }

  private static let httpKey = schemeKey("http".utf8)
  private static let httpsKey = schemeKey("https".utf8)
  private static let fileKey = schemeKey("file".utf8)
  private static let specialKeys: [UInt64] = [
    httpKey, httpsKey, fileKey, schemeKey("ftp".utf8), schemeKey("ws".utf8),
    schemeKey("wss".utf8),
  ]

  /// Whether the scheme is one the URL Standard calls special (http, https, ftp, ws, wss, file).
  static func isSpecial(_ key: UInt64) -> Bool { specialKeys.contains(key) }

  /// Cleans `raw` into `input` and splits it (the fragment is dropped).
  private mutating func parse(_ raw: UnsafeBufferPointer<UInt8>, baseScheme: UInt64?) -> Parts? {
    var start = 0
    var end = raw.count
    while start < end, raw[start] <= 0x20 { start += 1 }
    while end > start, raw[end - 1] <= 0x20 { end -= 1 }
    input.removeAll(keepingCapacity: true)
    let trimmed = UnsafeBufferPointer(rebasing: raw[start..<end])
    if trimmed.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
      for byte in trimmed where byte != 0x09 && byte != 0x0A && byte != 0x0D { input.append(byte) }
    } else {
      input.append(contentsOf: trimmed)
    }
    var index = 0
    var scheme: Range<Int>?
    if let first = input.first, first.asciiLowercased &- 0x61 < 26 {
      var i = 1
      while i < input.count, URLResolver.isSchemeByte(input[i]) { i += 1 }
      if i < input.count, input[i] == 0x3A {
        scheme = 0..<i
        index = i + 1
      }
    }
    var special = false
    var sameScheme = false
    if let scheme {
      let key = URLResolver.schemeKey(input[scheme])
      special = URLResolver.isSpecial(key)
      sameScheme = baseScheme == key
    } else if let baseScheme {
      special = URLResolver.isSpecial(baseScheme)
    }
    if special {
      for i in index..<input.count where input[i] == 0x5C { input[i] = 0x2F }
    }
    var authority: Range<Int>?
    let hasSlashes =
      index + 1 < input.count && input[index] == 0x2F && input[index + 1] == 0x2F
    if scheme != nil, special, !hasSlashes, sameScheme {
      scheme = nil  // `http:page.html` on an http page is relative.
    } else if hasSlashes || (scheme != nil && special) {
      // `//host`, and for special schemes also `https:host` and `https:///host`.
      var i = index
      while i < input.count, input[i] == 0x2F, special || i < index + 2 { i += 1 }
      let authorityStart = i
      while i < input.count, input[i] != 0x2F, input[i] != 0x3F, input[i] != 0x23 { i += 1 }
      authority = authorityStart..<i
      index = i
    }
    var i = index
    while i < input.count, input[i] != 0x3F, input[i] != 0x23 { i += 1 }
    let pathRange = index..<i
    var query: Range<Int>?
    if i < input.count, input[i] == 0x3F {
      let queryStart = i + 1
      i = queryStart
      while i < input.count, input[i] != 0x23 { i += 1 }
      query = queryStart..<i
    }
    return Parts(scheme: scheme, authority: authority, path: pathRange, query: query)
  }

  private mutating func parseBase(_ raw: [UInt8]) -> Base? {
    let parsed = raw.withUnsafeBufferPointer { parse($0, baseScheme: nil) }
    guard let parts = parsed, let schemeRange = parts.scheme else { return nil }
    let scheme = input[schemeRange].map(\.asciiLowercased)
    let key = URLResolver.schemeKey(scheme)
    let special = URLResolver.isSpecial(key)
    var authority: [UInt8]?
    if let range = parts.authority {
      output.removeAll(keepingCapacity: true)
      guard appendAuthority(range, scheme: key, special: special) else { return nil }
      authority = Array(output.dropFirst(2))
    }
    path = Array(input[parts.path])
    if URLResolver.hasDotSegments(path) { removeDotSegments() }
    if path.isEmpty, special, authority != nil { path = [0x2F] }
    return Base(
      scheme: scheme, schemeKey: key, isSpecial: special, authority: authority, path: path,
      query: parts.query.map { Array(input[$0]) })
  }

  private static func isSchemeByte(_ byte: UInt8) -> Bool {
    byte.asciiLowercased &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x2B || byte == 0x2D
      || byte == 0x2E
  }

  // MARK: Authority

  /// Appends `//` and the authority with its host lower-cased and a default or empty port
  /// dropped; false when the port or host is malformed, or the host of a web URL is empty.
  private mutating func appendAuthority(_ range: Range<Int>, scheme: UInt64, special: Bool)
    -> Bool
  {
    var hostStart = range.lowerBound
    if let at = input[range].lastIndex(of: 0x40) { hostStart = at + 1 }
    var hostEnd = range.upperBound
    var port: Int?
    let closingBracket = input[hostStart..<range.upperBound].lastIndex(of: 0x5D)
    if let colon = input[hostStart..<range.upperBound].lastIndex(of: 0x3A),
      closingBracket.map({ colon > $0 }) ?? true
    {
      hostEnd = colon
      let digits = input[(colon + 1)..<range.upperBound]
      guard digits.count <= 5, digits.allSatisfy({ $0 &- 0x30 < 10 }) else { return false }
      port = digits.isEmpty ? nil : digits.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
    }
    if hostStart == hostEnd, special, scheme != URLResolver.fileKey { return false }
    output.append(contentsOf: [0x2F, 0x2F])
    output.append(contentsOf: input[range.lowerBound..<hostStart])
    for byte in input[hostStart..<hostEnd] {
      if byte <= 0x20 || byte == 0x3C || byte == 0x3E || byte == 0x22 {
        return false
      }
      output.append(byte.asciiLowercased)
    }
    if let port {
      let isDefault =
        (port == 80 && scheme == URLResolver.httpKey)
        || (port == 443 && scheme == URLResolver.httpsKey)
      if !isDefault {
        output.append(0x3A)
        output.append(contentsOf: Array(String(port).utf8))
      }
    }
    return true
  }

  // MARK: Path

  /// Whether a segment of the path is `.` or `..`.
  static func hasDotSegments(_ path: [UInt8]) -> Bool {
    let count = path.count
    var i = 0
    while i < count {
      if path[i] == 0x2E, i == 0 || path[i - 1] == 0x2F {
        if i + 1 == count || path[i + 1] == 0x2F { return true }
        if path[i + 1] == 0x2E, i + 2 == count || path[i + 2] == 0x2F { return true }
      }
      i += 1
    }
    return false
  }

  /// RFC 3986 §5.2.4 on `path`, in place.
  private mutating func removeDotSegments() {
    let source = path
    path.removeAll(keepingCapacity: true)
    segmentStarts.removeAll(keepingCapacity: true)
    let absolute = source.first == 0x2F
    var index = absolute ? 1 : 0
    var endsInDirectory = false
    while index <= source.count {
      var end = index
      while end < source.count, source[end] != 0x2F { end += 1 }
      let length = end - index
      let isDot = length == 1 && source[index] == 0x2E
      let isDotDot = length == 2 && source[index] == 0x2E && source[index + 1] == 0x2E
      if isDot || isDotDot {
        if isDotDot, let last = segmentStarts.popLast() { path.removeSubrange(last...) }
        endsInDirectory = true
      } else {
        segmentStarts.append(path.count)
        if absolute || !path.isEmpty { path.append(0x2F) }
        path.append(contentsOf: source[index..<end])
        endsInDirectory = false
      }
      index = end + 1
    }
    if endsInDirectory || (absolute && path.isEmpty) { path.append(0x2F) }
  }

  /// Appends path or query bytes, percent-encoding what may not appear in a URL; bytes that
  /// need none (most hrefs) are appended whole.
  static func appendEncoded<Bytes: Collection<UInt8>>(_ bytes: Bytes, to output: inout [UInt8]) {
    guard bytes.contains(where: needsEncoding) else {
      output.append(contentsOf: bytes)
      return
    }
    for byte in bytes {
      if needsEncoding(byte) {
        output.append(0x25)
        output.append(hexDigit(byte >> 4))
        output.append(hexDigit(byte & 0x0F))
      } else {
        output.append(byte)
      }
    }
  }

  /// Whether a path or query byte is percent-encoded: controls, space, `"`, `<`, `>`, `` ` ``,
  /// `{`, `}`, DEL and every byte beyond ASCII.
  @inline(__always) private static func needsEncoding(_ byte: UInt8) -> Bool {
    switch byte {
    case 0...0x20, 0x22, 0x3C, 0x3E, 0x60, 0x7B, 0x7D, 0x7F...0xFF: true
    default: false
    }
  }

  @inline(__always) private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : 0x37 + value
  }
}
