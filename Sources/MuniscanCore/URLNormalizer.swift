import Foundation

/// Puts URLs into one canonical form so the crawler fetches each page once and the evaluator
/// can look up a link's target: scheme and host lower-cased, default port dropped, fragment
/// removed, dot segments resolved, percent-encoding normalised (unreserved characters decoded,
/// hex digits upper-cased), and an empty path made `/`.
public enum URLNormalizer {
  /// The canonical form of an absolute http(s) URL, or nil when it is not one.
  public static func normalize(_ raw: String) -> String? {
    if canonicalHostRange(of: raw) != nil { return raw }
    return normalizeParsing(raw)
  }

  /// `normalize` without its fast path: parses with Foundation.
  static func normalizeParsing(_ raw: String) -> String? {
    let trimmed = trimmed(raw)
    guard
      var parts = URLComponents(string: trimmed) ?? URLComponents(string: encodeLoosely(trimmed)),
      let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let rawHost = parts.host,
      // A host written with percent escapes is refused: Foundation punycodes a non-ASCII one
      // with the escape inside a label (`jarveotsää%2e` as `xn--jarveots.-s8aa`), which then
      // parses as no host at all, and no municipality's site is named so.
      parts.percentEncodedHost?.contains("%") != true
    else { return nil }
    if let port = parts.port, !(1...65535).contains(port) { return nil }
    // A host of dots only (`..`) is no host once its dots are trimmed.
    let host = rawHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    guard !host.isEmpty else { return nil }
    parts.scheme = scheme
    parts.host = host
    if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) {
      parts.port = nil
    }
    parts.fragment = nil
    parts.user = nil
    parts.password = nil
    var path = removeDotSegments(normalizePercentEncoding(parts.percentEncodedPath))
    if path.isEmpty { path = "/" }
    parts.percentEncodedPath = path
    if let query = parts.percentEncodedQuery {
      parts.percentEncodedQuery = query.isEmpty ? nil : normalizePercentEncoding(query)
    }
    return parts.string
  }

  /// Resolves `reference` against `base` and normalises the result. An absolute reference that
  /// is canonical already resolves to itself (RFC 3986, 5.2.2), as the `Location` of nearly
  /// every redirect does: taken without Foundation's URL, which cost 0.7 % of a thousand-site
  /// crawl's CPU.
  public static func resolve(_ reference: String, against base: String) -> String? {
    if canonicalHostRange(of: reference) != nil { return reference }
    return resolveParsing(reference, against: base)
  }

  /// `resolve` without its fast path: resolves and parses with Foundation.
  static func resolveParsing(_ reference: String, against base: String) -> String? {
    let trimmed = trimmed(reference)
    guard let baseURL = URL(string: base) else { return nil }
    let url =
      URL(string: trimmed, relativeTo: baseURL)
      ?? URL(string: encodeLoosely(trimmed), relativeTo: baseURL)
    return url.flatMap { normalize($0.absoluteString) }
  }

  /// The host of a URL, lower-cased, without a leading `www.`: the key that makes
  /// `www.example.ee` and `example.ee` one site. Read by slicing, not by a URL parser: it runs
  /// for every link of every page.
  public static func siteKey(_ url: String) -> String? {
    var url = url
    return url.withUTF8 { bytes -> String? in
      guard let host = hostRange(in: bytes) else { return nil }
      let lowered = String(decoding: UnsafeBufferPointer(rebasing: bytes[host]), as: UTF8.self)
        .lowercased()
      guard !lowered.isEmpty else { return nil }
      return lowered.hasPrefix("www.") ? String(lowered.dropFirst(4)) : lowered
    }
  }

  /// Whether `url`'s ``siteKey(_:)`` is `key`, compared on the bytes without making the key
  /// when the URL is ASCII (as a crawl's links nearly always are): a crawl asks it of every
  /// link of every page.
  public static func siteKey(of url: String, is key: String) -> Bool {
    var url = url
    var key = key
    let compared = url.withUTF8 { bytes in
      key.withUTF8 { key -> Bool? in
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard let host = hostRange(in: bytes), !host.isEmpty else { return false }
        var start = host.lowerBound
        let www = "www.".utf8
        if host.count >= 4,
          zip(bytes[start..<start + 4], www).allSatisfy({ $0.asciiLowercased == $1 })
        {
          start += 4
        }
        return host.upperBound - start == key.count
          && zip(bytes[start..<host.upperBound], key).allSatisfy { $0.asciiLowercased == $1 }
      }
    }
    return compared ?? (siteKey(url) == key)
  }

  /// Where the host of a URL lies in its UTF-8: after `scheme://` and any user info, before the
  /// path, query or fragment, without a port; an IPv6 literal keeps its brackets, as URL parsers
  /// give it. Read by slicing, not by a URL parser; may be empty.
  private static func hostRange(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
      colon + 3 <= bytes.count,
      bytes[(colon + 1)..<(colon + 3)].elementsEqual("//".utf8)
    else { return nil }
    var hostStart = colon + 3
    var end = hostStart
    while end < bytes.count {
      let byte = bytes[end]
      if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") {
        break
      }
      if byte == UInt8(ascii: "@") { hostStart = end + 1 }
      end += 1
    }
    let authority = bytes[hostStart..<end]
    if authority.first == UInt8(ascii: "[") {
      if let close = authority.firstIndex(of: UInt8(ascii: "]")) { return hostStart..<(close + 1) }
      return hostStart..<end
    }
    if let portColon = authority.lastIndex(of: UInt8(ascii: ":")) { return hostStart..<portColon }
    return hostStart..<end
  }

  /// Where the host of `url` lies in its UTF-8 when the URL is canonical already and plainly
  /// written — lower-case scheme and host, no default port, a path, no fragment, percent sign,
  /// dot segment, empty query, user info or character outside a safe ASCII set — which links
  /// resolved by the HTML module nearly always are; nil otherwise (the caller then parses).
  /// One scan of the raw bytes, no allocation: it runs for every link of every page a crawl
  /// reads.
  static func canonicalHostRange(of url: String) -> Range<Int>? {
    var url = url
    return url.withUTF8 { bytes -> Range<Int>? in
      let schemeLength: Int
      if bytes.starts(with: "http://".utf8) {
        schemeLength = 7
      } else if bytes.starts(with: "https://".utf8) {
        schemeLength = 8
      } else {
        return nil
      }
      return tables.withUnsafeBufferPointer { tables in
        var index = schemeLength
        var hostEnd: Int?
        var port = 0
        var portDigits = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: "/") {
          let byte = bytes[index]
          if hostEnd == nil {
            if byte == UInt8(ascii: ":") {
              hostEnd = index
            } else if tables[Int(byte)] & hostByte == 0 {
              return nil
            }
          } else {
            guard byte &- 0x30 < 10, portDigits < 5, !(portDigits == 0 && byte == 0x30) else {
              return nil
            }
            port = port * 10 + Int(byte - 0x30)
            portDigits += 1
          }
          index += 1
        }
        let host = schemeLength..<(hostEnd ?? index)
        guard index < bytes.count, !host.isEmpty, bytes[host.lowerBound] != UInt8(ascii: "."),
          bytes[host.upperBound - 1] != UInt8(ascii: ".")
        else { return nil }
        if hostEnd != nil {
          guard portDigits > 0, port <= 65535, port != (schemeLength == 7 ? 80 : 443) else {
            return nil
          }
        }
        var previous: UInt8 = 0
        var inQuery = false
        while index < bytes.count {
          let byte = bytes[index]
          guard tables[Int(byte)] & safeByte != 0 else { return nil }
          if byte == UInt8(ascii: "?") { inQuery = true }
          if !inQuery, previous == UInt8(ascii: "/"), byte == UInt8(ascii: ".") { return nil }
          previous = byte
          index += 1
        }
        return previous == UInt8(ascii: "?") ? nil : host
      }
    }
  }

  /// Per byte, whether a canonical URL's path and query may hold it as it is (`safeByte`:
  /// unreserved characters and the delimiters `/ ? & = + , ; : @ ! $ ' ( ) *`) and whether a
  /// canonical host may (`hostByte`: lower-case letters, digits, `-` and `.`).
  private static let tables: [UInt8] = (0..<256).map { byte in
    let byte = UInt8(byte)
    let safe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/?&=+,;:@!$'()*"
    let host = "abcdefghijklmnopqrstuvwxyz0123456789-."
    return (safe.utf8.contains(byte) ? safeByte : 0) | (host.utf8.contains(byte) ? hostByte : 0)
  }
  private static let safeByte: UInt8 = 1
  private static let hostByte: UInt8 = 2

  /// Whether `host` is `domain` or one of its subdomains.
  public static func host(_ host: String, isWithin domain: String) -> Bool {
    // ASCII hosts (nearly all; IDNs are mostly punycode) are compared on their bytes in place,
    // without making the dotted suffix and comparing characters, for every link a rule asks
    // about.
    let onBytes =
      host.utf8.withContiguousStorageIfAvailable { hostBytes in
        domain.utf8.withContiguousStorageIfAvailable { asciiHost(hostBytes, isWithin: $0) } ?? nil
      } ?? nil
    return onBytes ?? (host == domain || host.hasSuffix("." + domain))
  }

  /// ``host(_:isWithin:)`` on UTF-8 bytes; nil unless both are ASCII.
  private static func asciiHost(
    _ host: UnsafeBufferPointer<UInt8>, isWithin domain: UnsafeBufferPointer<UInt8>
  ) -> Bool? {
    guard host.allSatisfy({ $0 < 0x80 }), domain.allSatisfy({ $0 < 0x80 }) else { return nil }
    let extra = host.count - domain.count
    guard extra >= 0 else { return false }
    guard
      domain.isEmpty || memcmp(host.baseAddress! + extra, domain.baseAddress!, domain.count) == 0
    else { return false }
    return extra == 0 || host[extra - 1] == 0x2E
  }

  /// `text` without surrounding white space; cheap when there is none (the usual case).
  private static func trimmed(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
      first.properties.isWhitespace || last.properties.isWhitespace
    else { return text }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private static let unreserved = Set(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
  private static let allowed = CharacterSet.urlQueryAllowed.union(.urlPathAllowed).union(
    CharacterSet(charactersIn: "%#"))

  /// Percent-encodes characters that browsers tolerate in hrefs but URL parsers reject (spaces,
  /// non-ASCII letters).
  private static func encodeLoosely(_ raw: String) -> String {
    raw.addingPercentEncoding(withAllowedCharacters: allowed) ?? raw
  }

  private static func normalizePercentEncoding(_ text: String) -> String {
    guard text.contains("%") else { return text }
    var bytes = Array(text.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
        let value = UInt8(
          String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
      {
        if unreserved.contains(value) {
          output.append(value)
        } else {
          output.append(contentsOf: Array("%\(String(format: "%02X", value))".utf8))
        }
        index += 3
      } else {
        output.append(bytes[index])
        index += 1
      }
    }
    bytes = output
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func removeDotSegments(_ path: String) -> String {
    guard path.contains(".") else { return path }
    var output: [Substring] = []
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    for (index, segment) in segments.enumerated() {
      let isLast = index == segments.count - 1
      switch segment {
      case ".":
        if isLast { output.append("") }
      case "..":
        if output.count > 1 { output.removeLast() }
        if isLast { output.append("") }
      default:
        output.append(segment)
      }
    }
    let joined = output.joined(separator: "/")
    return joined.hasPrefix("/") ? joined : "/" + joined
  }
}
