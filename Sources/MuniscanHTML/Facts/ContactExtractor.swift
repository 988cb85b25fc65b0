import MuniscanCore

/// Finds e-mail addresses in a page's visible text and in its `mailto:` links.
///
/// Contact criteria ask whether officials can be reached, and municipal pages write addresses in
/// many ways: `nimi@vald.ee` and the anti-spam `nimi[at]vald.ee` and `nimi(at)vald.ee`. Phone
/// numbers depend on the country and are read by ``PhoneReader``.
enum ContactExtractor {
  /// At most this many e-mail addresses and phone numbers are kept per page.
  static let maximumCount = 200

  // MARK: E-mail

  /// Addresses in UTF-8 text, lower-cased, in order of appearance.
  static func emails(in text: UnsafeBufferPointer<UInt8>, into list: inout UniqueList) {
    let count = text.count
    var i = 0
    while i < count, !list.isFull {
      let byte = text[i]
      var separatorStart = i
      var separatorEnd = i + 1
      if byte == 0x40 {
        // `@`
      } else if byte == 0x5B || byte == 0x28, let end = atWord(in: text, after: i) {
        separatorEnd = end
        if separatorStart > 0, text[separatorStart - 1] == 0x20 { separatorStart -= 1 }
        if separatorEnd < count, text[separatorEnd] == 0x20 { separatorEnd += 1 }
      } else {
        i = SWAR.skipBlocks(text, from: i + 1, unlessAny: 0x40, 0x5B, 0x28)
        continue
      }
      if let address = address(in: text, localEnd: separatorStart, domainStart: separatorEnd) {
        list.insert(address)
      }
      i = separatorEnd
    }
  }

  /// After `[` or `(` at `index`: the end of `at]` or `at)`, allowing spaces inside.
  private static func atWord(in text: UnsafeBufferPointer<UInt8>, after index: Int) -> Int? {
    let close: UInt8 = text[index] == 0x5B ? 0x5D : 0x29
    var i = index + 1
    while i < text.count, text[i] == 0x20 { i += 1 }
    guard i + 1 < text.count, text[i].asciiLowercased == 0x61, text[i + 1].asciiLowercased == 0x74
    else { return nil }
    i += 2
    while i < text.count, text[i] == 0x20 { i += 1 }
    guard i < text.count, text[i] == close else { return nil }
    return i + 1
  }

  private static func address(
    in text: UnsafeBufferPointer<UInt8>, localEnd: Int, domainStart: Int
  ) -> String? {
    var localStart = localEnd
    while localStart > 0, isLocalByte(text[localStart - 1]), localEnd - localStart <= 64 {
      localStart -= 1
    }
    while localStart < localEnd, text[localStart] == 0x2E { localStart += 1 }
    var domainEnd = domainStart
    while domainEnd < text.count, isDomainByte(text[domainEnd]), domainEnd - domainStart <= 253 {
      domainEnd += 1
    }
    while domainEnd > domainStart, text[domainEnd - 1] == 0x2E || text[domainEnd - 1] == 0x2D {
      domainEnd -= 1
    }
    let local = UnsafeBufferPointer(rebasing: text[localStart..<localEnd])
    let domain = UnsafeBufferPointer(rebasing: text[domainStart..<domainEnd])
    guard isValid(local: local, domain: domain) else { return nil }
    return lowercasedAddress(local: local, domain: domain)
  }

  /// `local@domain`, lower-cased, written straight into the string: a page's footer repeats its
  /// addresses on every page.
  private static func lowercasedAddress(
    local: UnsafeBufferPointer<UInt8>, domain: UnsafeBufferPointer<UInt8>
  ) -> String {
    String(unsafeUninitializedCapacity: local.count + 1 + domain.count) { buffer in
      var end = 0
      for byte in local {
        buffer[end] = byte.asciiLowercased
        end += 1
      }
      buffer[end] = 0x40
      end += 1
      for byte in domain {
        buffer[end] = byte.asciiLowercased
        end += 1
      }
      return end
    }
  }

  /// The addresses of a `mailto:` link (several may be comma-separated; headers are dropped).
  static func emails(fromMailto href: UnsafeBufferPointer<UInt8>) -> [String] {
    guard let colon = href.firstIndex(of: 0x3A) else { return [] }
    var end = colon + 1
    while end < href.count, href[end] != 0x3F, href[end] != 0x23 { end += 1 }
    let decoded = percentDecoded(href[(colon + 1)..<end])
    var result: [String] = []
    decoded.withUnsafeBufferPointer { bytes in
      var start = 0
      while start < bytes.count {
        var stop = start
        while stop < bytes.count, bytes[stop] != 0x2C, bytes[stop] != 0x3B { stop += 1 }
        var lower = start
        var upper = stop
        while lower < upper, bytes[lower] <= 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] <= 0x20 { upper -= 1 }
        if let at = bytes[lower..<upper].lastIndex(of: 0x40) {
          let local = UnsafeBufferPointer(rebasing: bytes[lower..<at])
          let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)..<upper])
          if isValid(local: local, domain: domain) {
            result.append(lowercasedAddress(local: local, domain: domain))
          }
        }
        start = stop + 1
      }
    }
    return result
  }

  private static func isValid(local: UnsafeBufferPointer<UInt8>, domain: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard !local.isEmpty, local.count <= 64, local.last != 0x2E,
      local.allSatisfy(isLocalByte), domain.count >= 4, domain.allSatisfy(isDomainByte)
    else { return false }
    // The labels between the dots, in place: at least two, none empty or with a hyphen at
    // either end, the last of ASCII letters and not a file name's ending.
    var labels = 0
    var start = 0
    var topStart = 0
    for end in 0...domain.count where end == domain.count || domain[end] == 0x2E {
      guard end > start, domain[start] != 0x2D, domain[end - 1] != 0x2D else { return false }
      labels += 1
      topStart = start
      start = end + 1
    }
    let top = UnsafeBufferPointer(rebasing: domain[topStart...])
    guard labels >= 2, top.count >= 2, top.allSatisfy({ $0.asciiLowercased &- 0x61 < 26 })
    else { return false }
    return !fileExtensions.contains { ending in
      ending.count == top.count && zip(ending, top).allSatisfy { $0 == $1.asciiLowercased }
    }
  }

  /// Endings of image names such as `logo@2x.png`, which look like addresses.
  private static let fileExtensions: [[UInt8]] = [
    "png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js",
  ].map { Array($0.utf8) }

  @inline(__always) private static func isLocalByte(_ byte: UInt8) -> Bool {
    ASCII.isAlphanumeric(byte) || byte == 0x2E || byte == 0x5F || byte == 0x25 || byte == 0x2B
      || byte == 0x2D
  }

  @inline(__always) private static func isDomainByte(_ byte: UInt8) -> Bool {
    ASCII.isAlphanumeric(byte) || byte == 0x2E || byte == 0x2D
  }

  /// The bytes with `%XX` escapes decoded (of a `mailto:` or `tel:` link).
  static func percentDecoded(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      if bytes[index] == 0x25, index + 2 < bytes.endIndex,
        let value = DocumentClassifier.hexValue(bytes[index + 1], bytes[index + 2])
      {
        result.append(value)
        index += 3
      } else {
        result.append(bytes[index])
        index += 1
      }
    }
    return result
  }
}

/// Strings kept once each, in the order first seen, up to a limit.
struct UniqueList {
  private(set) var items: [String] = []
  private var seen: Set<String> = []
  let limit: Int

  init(limit: Int) { self.limit = limit }

  var isFull: Bool { items.count >= limit }

  mutating func insert(_ item: String) {
    guard !isFull, seen.insert(item).inserted else { return }
    items.append(item)
  }
}
