/// Finds e-mail addresses and Estonian phone numbers in a page's visible text and in its
/// `mailto:` and `tel:` links.
///
/// Contact criteria ask whether officials can be reached, and municipal pages write contacts in
/// many ways: `nimi@vald.ee`, the anti-spam `nimi[at]vald.ee` and `nimi(at)vald.ee`, and phones as
/// `+372 5123 4567`, `(+372) 7401234`, `740 1234` or `5123 4567`. Phones are normalised to
/// `+372` and the 7 or 8 digits of the subscriber number. Numbers written without `+372` must
/// look like phones: grouped like one (`740 1234`, `5123 4567`) or right after a word such as
/// `tel`, `mob`, `faks` or `тел`, so budget sums (`5 000 000`) and registry codes are not taken
/// for phones.
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
    guard i + 1 < text.count, ASCII.lower(text[i]) == 0x61, ASCII.lower(text[i + 1]) == 0x74
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
    var bytes = local.map(ASCII.lower)
    bytes.append(0x40)
    bytes += domain.map(ASCII.lower)
    return String(decoding: bytes, as: UTF8.self)
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
        if let at = bytes[lower..<upper].lastIndex(of: 0x40),
          isValid(
            local: UnsafeBufferPointer(rebasing: bytes[lower..<at]),
            domain: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<upper]))
        {
          result.append(String(decoding: bytes[lower..<upper].map(ASCII.lower), as: UTF8.self))
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
    let labels = domain.split(separator: 0x2E, omittingEmptySubsequences: false)
    guard labels.count >= 2,
      labels.allSatisfy({ !$0.isEmpty && $0.first != 0x2D && $0.last != 0x2D }),
      let top = labels.last, top.count >= 2, top.allSatisfy({ ASCII.lower($0) &- 0x61 < 26 })
    else { return false }
    let topLevel = String(decoding: top.map(ASCII.lower), as: UTF8.self)
    return !fileExtensions.contains(topLevel)
  }

  /// Endings of image names such as `logo@2x.png`, which look like addresses.
  private static let fileExtensions: Set<String> = [
    "png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js",
  ]

  @inline(__always) private static func isLocalByte(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == 0x2E || byte == 0x5F || byte == 0x25 || byte == 0x2B
      || byte == 0x2D
  }

  @inline(__always) private static func isDomainByte(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == 0x2E || byte == 0x2D
  }

  @inline(__always) private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    ASCII.lower(byte) &- 0x61 < 26 || byte &- 0x30 < 10
  }

  // MARK: Phone

  /// Estonian phone numbers in UTF-8 text, as `+372XXXXXXX(X)`.
  static func phones(in text: UnsafeBufferPointer<UInt8>, into list: inout UniqueList) {
    let count = text.count
    var i = 0
    while i < count, !list.isFull {
      let byte = text[i]
      guard byte == 0x2B || byte == 0x28 || byte &- 0x30 < 10 else {
        i = SWAR.skipBlocks(text, from: i + 1, unlessByteAbove: 0x27, below: 0x3A)
        continue
      }
      if startsToken(in: text, at: i), let (phone, end) = phone(in: text, at: i) {
        list.insert(phone)
        i = end
        continue
      }
      i += 1
      while i < count, text[i] &- 0x30 < 10 { i += 1 }
    }
  }

  /// Whether a number may start at `index`: not glued to a word, another number or a decimal.
  private static func startsToken(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index > 0 else { return true }
    let previous = text[index - 1]
    if isAlphanumeric(previous) || previous == 0x2B || previous == 0x2F { return false }
    if previous == 0x2E || previous == 0x2C || previous == 0x2D {
      return index < 2 || text[index - 2] &- 0x30 >= 10
    }
    return true
  }

  private static func phone(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int)? {
    var i = start
    var hasCountryCode = false
    if text[i] == 0x28 {
      // `(+372)` or `(372)`
      i += 1
      if i < text.count, text[i] == 0x2B { i += 1 }
      guard matches(text, at: i, [0x33, 0x37, 0x32]), i + 3 < text.count, text[i + 3] == 0x29
      else { return nil }
      i += 4
      hasCountryCode = true
    } else if text[i] == 0x2B {
      guard matches(text, at: i + 1, [0x33, 0x37, 0x32]) else { return nil }
      i += 4
      hasCountryCode = true
    } else if matches(text, at: i, [0x30, 0x30, 0x33, 0x37, 0x32]) {
      i += 5
      hasCountryCode = true
    } else if matches(text, at: i, [0x33, 0x37, 0x32]), let gap = separatorLength(text, at: i + 3),
      i + 3 + gap < text.count, text[i + 3 + gap] &- 0x30 < 10
    {
      i += 3
      hasCountryCode = true
    }
    if hasCountryCode {
      var skipped = 0
      while skipped < 3, let gap = separatorLength(text, at: i) {
        i += gap
        skipped += 1
      }
    }
    // Digits are kept in an integer, groups as counts, so a failed try allocates nothing.
    var value: UInt64 = 0
    var digitCount = 0
    var firstDigit: UInt8 = 0
    var groupCount = 0
    var firstGroup = 0
    var laterGroupsAreThousands = true
    while i < text.count, text[i] &- 0x30 < 10 {
      var length = 0
      while i < text.count, text[i] &- 0x30 < 10 {
        if digitCount == 0 { firstDigit = text[i] }
        value = value &* 10 &+ UInt64(text[i] &- 0x30)
        digitCount += 1
        length += 1
        i += 1
        if digitCount > 8 { return nil }
      }
      if groupCount == 0 {
        firstGroup = length
      } else if length != 3 {
        laterGroupsAreThousands = false
      }
      groupCount += 1
      guard let gap = separatorLength(text, at: i), i + gap < text.count,
        text[i + gap] &- 0x30 < 10
      else { break }
      i += gap
    }
    guard isSubscriberNumber(count: digitCount, first: firstDigit) else { return nil }
    // Not a decimal, a date or a longer number.
    if i + 1 < text.count, text[i] == 0x2E || text[i] == 0x2C, text[i + 1] &- 0x30 < 10 {
      return nil
    }
    if !hasCountryCode {
      let amountLike = groupCount >= 3 && firstGroup <= 3 && laterGroupsAreThousands
      if groupCount == 1 || amountLike {
        guard followsPhoneWord(text, before: start) else { return nil }
      }
      if isFollowedByCurrency(text, at: i) { return nil }
    }
    var number = String(value)
    if number.utf8.count < digitCount {
      number = String(repeating: "0", count: digitCount - number.utf8.count) + number
    }
    return ("+372" + number, i)
  }

  /// Estonian subscriber numbers: 7 digits starting 3–8 (fixed lines, old mobiles, 800), or 8
  /// digits starting 5 or 8 (mobiles, 8000 numbers).
  private static func isSubscriberNumber(count: Int, first: UInt8) -> Bool {
    switch count {
    case 7: return (0x33...0x38).contains(first)
    case 8: return first == 0x35 || first == 0x38
    default: return false
    }
  }

  /// The length of a separator inside a number: a space, hyphen or no-break space.
  @inline(__always)
  private static func separatorLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    guard index < text.count else { return nil }
    switch text[index] {
    case 0x20, 0x2D: return 1
    case 0xC2 where index + 1 < text.count && text[index + 1] == 0xA0: return 2
    default: return nil
    }
  }

  private static func matches(_ text: UnsafeBufferPointer<UInt8>, at index: Int, _ bytes: [UInt8])
    -> Bool
  {
    guard index + bytes.count <= text.count else { return false }
    for offset in 0..<bytes.count where text[index + offset] != bytes[offset] { return false }
    return true
  }

  /// Whether one of `tel`, `mob`, `gsm`, `phone`, `fax`, `faks`, `тел` ends shortly before.
  private static func followsPhoneWord(_ text: UnsafeBufferPointer<UInt8>, before index: Int)
    -> Bool
  {
    let start = max(0, index - 24)
    for position in start..<index {
      switch ASCII.lower(text[position]) {
      case 0x74:  // tel
        if matchesLowercased(text, at: position, "tel", end: index) { return true }
      case 0x6D:  // mob
        if matchesLowercased(text, at: position, "mob", end: index) { return true }
      case 0x67:  // gsm
        if matchesLowercased(text, at: position, "gsm", end: index) { return true }
      case 0x70:  // phone
        if matchesLowercased(text, at: position, "phone", end: index) { return true }
      case 0x66:  // fax, faks
        if matchesLowercased(text, at: position, "fax", end: index)
          || matchesLowercased(text, at: position, "faks", end: index)
        {
          return true
        }
      case 0xD1, 0xD0:  // тел, Тел
        if matchesLowercased(text, at: position, "тел", end: index)
          || matchesLowercased(text, at: position, "Тел", end: index)
        {
          return true
        }
      default:
        break
      }
    }
    return false
  }

  private static func matchesLowercased(
    _ text: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString, end: Int
  ) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= end else { return false }
    let bytes = word.utf8Start
    for offset in 0..<count where ASCII.lower(text[index + offset]) != bytes[offset] {
      return false
    }
    return true
  }

  private static func isFollowedByCurrency(_ text: UnsafeBufferPointer<UInt8>, at index: Int)
    -> Bool
  {
    var i = index
    if let gap = separatorLength(text, at: i) { i += gap }
    guard i < text.count else { return false }
    if text[i] == 0xE2, i + 2 < text.count, text[i + 1] == 0x82, text[i + 2] == 0xAC {
      return true
    }
    return i + 2 < text.count && ASCII.lower(text[i]) == 0x65 && ASCII.lower(text[i + 1]) == 0x75
      && ASCII.lower(text[i + 2]) == 0x72
  }

  /// The number of a `tel:` link: Estonian ones as `+372…`, others as `+` and their digits.
  static func phone(fromTel href: UnsafeBufferPointer<UInt8>) -> String? {
    guard let colon = href.firstIndex(of: 0x3A) else { return nil }
    let decoded = percentDecoded(href[(colon + 1)...])
    var digits = decoded.filter { $0 &- 0x30 < 10 }
    let international = decoded.first(where: { $0 != 0x20 }) == 0x2B
    var isEstonian = false
    if international {
      if digits.starts(with: [0x33, 0x37, 0x32]) {
        digits.removeFirst(3)
        isEstonian = true
      }
    } else if digits.starts(with: [0x30, 0x30, 0x33, 0x37, 0x32]) {
      digits.removeFirst(5)
      isEstonian = true
    } else if digits.starts(with: [0x33, 0x37, 0x32]), digits.count >= 10 {
      digits.removeFirst(3)
      isEstonian = true
    } else {
      isEstonian = true
    }
    if isEstonian {
      guard isSubscriberNumber(count: digits.count, first: digits.first ?? 0) else { return nil }
      return "+372" + String(decoding: digits, as: UTF8.self)
    }
    guard (8...15).contains(digits.count) else { return nil }
    return "+" + String(decoding: digits, as: UTF8.self)
  }

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
