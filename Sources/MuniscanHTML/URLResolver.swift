/// Resolves link targets against a page's base URL.
///
/// It follows RFC 3986 §5.2 with the leniencies browsers apply to real hrefs (the WHATWG URL
/// Standard): surrounding spaces and embedded tabs and line breaks are dropped, `\` counts as `/`
/// in http(s) URLs, `http:page.html` on an http page is relative, scheme and host are
/// lower-cased, default ports removed, the fragment dropped, and spaces, quotes and non-ASCII
/// bytes in path and query percent-encoded. Foundation's `URL(string:relativeTo:)` is an order of
/// magnitude slower and rejects many hrefs browsers follow; pages have hundreds of links.
struct URLResolver {
  private let base: URLParts?

  init(base: String) {
    let parts = URLParts(Array(base.utf8), baseScheme: nil)
    self.base = parts?.scheme == nil ? nil : parts
  }

  /// The absolute URL of `reference`, or nil when it cannot be resolved (no usable base for a
  /// relative reference, an empty host, a bad port).
  func resolve(_ reference: String) -> String? {
    resolve(bytes: Array(reference.utf8))
  }

  func resolve(bytes: [UInt8]) -> String? {
    guard var reference = URLParts(bytes, baseScheme: base?.scheme) else { return nil }
    if reference.scheme == nil {
      guard let base, base.authority != nil || base.path.first == 0x2F else { return nil }
      reference.scheme = base.scheme
      if reference.authority == nil {
        reference.authority = base.authority
        if reference.path.isEmpty {
          reference.path = base.path
          if reference.query == nil { reference.query = base.query }
        } else if reference.path.first != 0x2F {
          reference.path = URLParts.merge(base: base, path: reference.path)
        }
      }
    }
    reference.path = URLParts.removeDotSegments(reference.path)
    return reference.serialized()
  }
}

/// The parts of a URL or reference as bytes (fragment dropped).
struct URLParts {
  var scheme: [UInt8]?
  var authority: [UInt8]?
  var path: [UInt8] = []
  var query: [UInt8]?

  static let specialSchemes: Set<[UInt8]> = [
    Array("http".utf8), Array("https".utf8), Array("ftp".utf8), Array("ws".utf8),
    Array("wss".utf8), Array("file".utf8),
  ]

  var isSpecial: Bool { scheme.map { URLParts.specialSchemes.contains($0) } ?? false }

  init?(_ raw: [UInt8], baseScheme: [UInt8]?) {
    // Trim C0 controls and spaces; drop tabs and line breaks anywhere.
    var start = 0
    var end = raw.count
    while start < end, raw[start] <= 0x20 { start += 1 }
    while end > start, raw[end - 1] <= 0x20 { end -= 1 }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(end - start)
    for byte in raw[start..<end] where byte != 0x09 && byte != 0x0A && byte != 0x0D {
      bytes.append(byte)
    }
    var index = 0
    // Scheme.
    if let first = bytes.first, ASCII.lower(first) &- 0x61 < 26 {
      var i = 1
      while i < bytes.count, Self.isSchemeByte(bytes[i]) { i += 1 }
      if i < bytes.count, bytes[i] == 0x3A {
        scheme = bytes[0..<i].map(ASCII.lower)
        index = i + 1
      }
    }
    let special =
      (scheme ?? baseScheme).map { URLParts.specialSchemes.contains($0) } ?? false
    if special {
      for i in index..<bytes.count where bytes[i] == 0x5C { bytes[i] = 0x2F }
    }
    if let scheme, special, !Self.startsWithSlashes(bytes, at: index) {
      if scheme == baseScheme {
        self.scheme = nil  // `http:page.html` on an http page is relative.
      } else {
        // `https:example.ee/x` and `https:/example.ee/x` mean `https://example.ee/x`.
        while index < bytes.count, bytes[index] == 0x2F { index += 1 }
        bytes.replaceSubrange(0..<index, with: [0x2F, 0x2F])
        index = 0
      }
    }
    if Self.startsWithSlashes(bytes, at: index) {
      var i = index + 2
      if special {
        while i < bytes.count, bytes[i] == 0x2F { i += 1 }  // `http:///host` as browsers do.
      }
      let authorityStart = i
      while i < bytes.count, bytes[i] != 0x2F, bytes[i] != 0x3F, bytes[i] != 0x23 { i += 1 }
      authority = Array(bytes[authorityStart..<i])
      index = i
    }
    var i = index
    while i < bytes.count, bytes[i] != 0x3F, bytes[i] != 0x23 { i += 1 }
    path = Array(bytes[index..<i])
    if i < bytes.count, bytes[i] == 0x3F {
      let queryStart = i + 1
      i = queryStart
      while i < bytes.count, bytes[i] != 0x23 { i += 1 }
      query = Array(bytes[queryStart..<i])
    }
  }

  private static func isSchemeByte(_ byte: UInt8) -> Bool {
    ASCII.lower(byte) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x2B || byte == 0x2D
      || byte == 0x2E
  }

  private static func startsWithSlashes(_ bytes: [UInt8], at index: Int) -> Bool {
    index + 1 < bytes.count && bytes[index] == 0x2F && bytes[index + 1] == 0x2F
  }

  /// RFC 3986 §5.2.3.
  static func merge(base: URLParts, path: [UInt8]) -> [UInt8] {
    if base.authority != nil, base.path.isEmpty { return [0x2F] + path }
    guard let slash = base.path.lastIndex(of: 0x2F) else { return path }
    return Array(base.path[...slash]) + path
  }

  /// RFC 3986 §5.2.4, on whole segments.
  static func removeDotSegments(_ path: [UInt8]) -> [UInt8] {
    guard path.contains(0x2E) else { return path }
    let absolute = path.first == 0x2F
    var segments = path.split(separator: 0x2F, omittingEmptySubsequences: false)
    if absolute { segments.removeFirst() }
    var output: [ArraySlice<UInt8>] = []
    var trailingSlash = false
    for segment in segments {
      trailingSlash = false
      if segment.elementsEqual([0x2E]) {
        trailingSlash = true
      } else if segment.elementsEqual([0x2E, 0x2E]) {
        if !output.isEmpty { output.removeLast() }
        trailingSlash = true
      } else {
        output.append(segment)
      }
    }
    var result: [UInt8] = []
    result.reserveCapacity(path.count)
    for (offset, segment) in output.enumerated() {
      if absolute || offset > 0 { result.append(0x2F) }
      result.append(contentsOf: segment)
    }
    if trailingSlash || (absolute && result.isEmpty) { result.append(0x2F) }
    return result
  }

  /// The URL as a string, normalised; nil when the authority is unusable.
  func serialized() -> String? {
    guard let scheme else { return nil }
    var output: [UInt8] = scheme
    output.append(0x3A)
    if let authority {
      guard let host = Self.normalizedAuthority(authority, scheme: scheme) else { return nil }
      if host.isEmpty, isSpecial, scheme != Array("file".utf8) { return nil }
      output += [0x2F, 0x2F]
      output += host
      if path.isEmpty, isSpecial { output.append(0x2F) }
    }
    Self.appendEncoded(path, to: &output)
    if let query {
      output.append(0x3F)
      Self.appendEncoded(query, to: &output)
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Lower-cases the host and drops a default or empty port; nil for a malformed port or host.
  static func normalizedAuthority(_ authority: [UInt8], scheme: [UInt8]) -> [UInt8]? {
    var userInfo: ArraySlice<UInt8> = []
    var hostPort = authority[...]
    if let at = authority.lastIndex(of: 0x40) {
      userInfo = authority[...at]
      hostPort = authority[(at + 1)...]
    }
    var host = hostPort
    var port: ArraySlice<UInt8> = []
    let closingBracket = hostPort.lastIndex(of: 0x5D)
    if let colon = hostPort.lastIndex(of: 0x3A), closingBracket.map({ colon > $0 }) ?? true {
      host = hostPort[..<colon]
      port = hostPort[(colon + 1)...]
    }
    guard port.allSatisfy({ $0 &- 0x30 < 10 }), port.count <= 5 else { return nil }
    for byte in host where byte <= 0x20 || byte == 0x3C || byte == 0x3E || byte == 0x22 {
      return nil
    }
    var result = Array(userInfo)
    result += host.map(ASCII.lower)
    let portNumber = Int(String(decoding: port, as: UTF8.self))
    let isDefault =
      (scheme == Array("http".utf8) && portNumber == 80)
      || (scheme == Array("https".utf8) && portNumber == 443)
    if let portNumber, !isDefault {
      result.append(0x3A)
      result += Array(String(portNumber).utf8)
    }
    return result
  }

  /// Appends path or query bytes, percent-encoding what may not appear in a URL.
  static func appendEncoded(_ bytes: [UInt8], to output: inout [UInt8]) {
    let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    for byte in bytes {
      switch byte {
      case 0...0x20, 0x22, 0x3C, 0x3E, 0x60, 0x7B, 0x7D, 0x7F...0xFF:
        output.append(0x25)
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0x0F)])
      default:
        output.append(byte)
      }
    }
  }
}
