import MuniscanCore

/// Finds the phone numbers of one country (a ``PhoneFormat``, locale data) in a page's visible
/// text and in its `tel:` links, compiled once per page analyser.
///
/// Municipal pages write phones in many ways: `+372 5123 4567`, `(+372) 7401234`, `00372 …`,
/// `740 1234`, and in Finland `09 123 4567` or `+358 (0)9 123 4567`. Numbers are normalised to
/// `+`, the calling code and the national significant number. A number written without the
/// calling code must start with the trunk prefix, if the country has one, and look like a phone:
/// grouped like one (`740 1234`) or right after a phone word of the pages' languages (`tel`,
/// `puh`), so budget sums (`5 000 000`) and registry codes are not taken for phones. Without a
/// format only international numbers in `tel:` links are read.
struct PhoneReader {
  private let countryCode: [UInt8]
  private let countryCodeText: String
  private let trunk: [UInt8]
  private let trunkValue: UInt64
  /// Bit d of `firstDigits[n]` is set when a national number of n digits may start with d.
  private let firstDigits: [UInt16]
  private let minimumDigits: Int
  private let words: [[UInt8]]

  init(_ format: PhoneFormat?) {
    countryCodeText = format?.countryCode ?? ""
    countryCode = Array(countryCodeText.utf8)
    trunk = Array((format?.trunkPrefix ?? "").utf8)
    trunkValue = trunk.reduce(0) { $0 * 10 + UInt64($1 &- 0x30) }
    let numbers = format?.nationalNumbers ?? [:]
    var firstDigits = [UInt16](repeating: 0, count: (numbers.keys.max() ?? 0) + 1)
    for (length, starts) in numbers {
      for digit in starts { firstDigits[length] |= 1 << UInt16(digit) }
    }
    self.firstDigits = firstDigits
    minimumDigits = numbers.keys.min() ?? 0
    words = (format?.words ?? []).map { Array($0.utf8) }
  }

  private var maximumDigits: Int { firstDigits.count - 1 }

  // MARK: Text

  /// The country's phone numbers in UTF-8 text.
  func phones(in text: UnsafeBufferPointer<UInt8>, into list: inout UniqueList) {
    guard !countryCode.isEmpty else { return }
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
  private func startsToken(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index > 0 else { return true }
    let previous = text[index - 1]
    if ASCII.isAlphanumeric(previous) || previous == 0x2B || previous == 0x2F { return false }
    if previous == 0x2E || previous == 0x2C || previous == 0x2D {
      return index < 2 || text[index - 2] &- 0x30 >= 10
    }
    return true
  }

  private func phone(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int)? {
    var i = start
    let hasCountryCode = skipCountryCode(in: text, at: &i)
    if hasCountryCode {
      skipSeparators(in: text, at: &i)
      // `+358 (0)9 …`: the trunk prefix some write after the calling code.
      if !trunk.isEmpty, i < text.count, text[i] == 0x28, matches(text, at: i + 1, trunk),
        i + 1 + trunk.count < text.count, text[i + 1 + trunk.count] == 0x29
      {
        i += 2 + trunk.count
        skipSeparators(in: text, at: &i)
      }
    }
    let digitLimit = maximumDigits + (hasCountryCode ? 0 : trunk.count)
    // Digits are kept in an integer, groups as counts, so a failed try allocates nothing.
    var value: UInt64 = 0
    var digitCount = 0
    var groupCount = 0
    var firstGroup = 0
    var laterGroupsAreThousands = true
    while i < text.count, text[i] &- 0x30 < 10 {
      var length = 0
      while i < text.count, text[i] &- 0x30 < 10 {
        value = value &* 10 &+ UInt64(text[i] &- 0x30)
        digitCount += 1
        length += 1
        i += 1
        if digitCount > digitLimit { return nil }
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
    guard let national = nationalNumber(value, digits: digitCount, hasTrunk: !hasCountryCode)
    else { return nil }
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
    return (international(national.value, digits: national.digits), i)
  }

  /// Steps over the calling code written `(+372)`, `(372)`, `+372`, `00372`, or `372` before a
  /// separator and a digit.
  private func skipCountryCode(in text: UnsafeBufferPointer<UInt8>, at i: inout Int) -> Bool {
    let code = countryCode.count
    if text[i] == 0x28 {
      var j = i + 1
      if j < text.count, text[j] == 0x2B { j += 1 }
      guard matches(text, at: j, countryCode), j + code < text.count, text[j + code] == 0x29
      else { return false }
      i = j + code + 1
      return true
    }
    if text[i] == 0x2B {
      guard matches(text, at: i + 1, countryCode) else { return false }
      i += 1 + code
      return true
    }
    if text[i] == 0x30, i + 1 < text.count, text[i + 1] == 0x30,
      matches(text, at: i + 2, countryCode)
    {
      i += 2 + code
      return true
    }
    if matches(text, at: i, countryCode), let gap = separatorLength(text, at: i + code),
      i + code + gap < text.count, text[i + code + gap] &- 0x30 < 10
    {
      i += code
      return true
    }
    return false
  }

  /// Steps over up to three separators after the calling code.
  private func skipSeparators(in text: UnsafeBufferPointer<UInt8>, at i: inout Int) {
    var skipped = 0
    while skipped < 3, let gap = separatorLength(text, at: i) {
      i += gap
      skipped += 1
    }
  }

  /// The national significant number of `digits` digits read as `value`, after the trunk prefix
  /// when `hasTrunk` (a number written without the calling code); nil when the country has no
  /// such number.
  private func nationalNumber(_ value: UInt64, digits: Int, hasTrunk: Bool) -> (
    value: UInt64, digits: Int
  )? {
    var value = value
    var digits = digits
    if hasTrunk, !trunk.isEmpty {
      guard digits > trunk.count else { return nil }
      digits -= trunk.count
      let scale = Self.power(digits)
      guard value / scale == trunkValue else { return nil }
      value %= scale
    }
    guard digits > 0, digits < firstDigits.count else { return nil }
    let first = value / Self.power(digits - 1)
    guard first < 10, firstDigits[digits] & (1 << UInt16(first)) != 0 else { return nil }
    return (value, digits)
  }

  private static func power(_ exponent: Int) -> UInt64 {
    var result: UInt64 = 1
    for _ in 0..<exponent { result &*= 10 }
    return result
  }

  /// `+`, the calling code and the national number, zero-padded to its digits.
  private func international(_ value: UInt64, digits: Int) -> String {
    var number = String(value)
    if number.utf8.count < digits {
      number = String(repeating: "0", count: digits - number.utf8.count) + number
    }
    return "+" + countryCodeText + number
  }

  /// The length of a separator inside a number: a space, hyphen or no-break space.
  @inline(__always)
  private func separatorLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    guard index < text.count else { return nil }
    switch text[index] {
    case 0x20, 0x2D: return 1
    case 0xC2 where index + 1 < text.count && text[index + 1] == 0xA0: return 2
    default: return nil
    }
  }

  private func matches(_ text: UnsafeBufferPointer<UInt8>, at index: Int, _ bytes: [UInt8])
    -> Bool
  {
    guard index + bytes.count <= text.count else { return false }
    for offset in 0..<bytes.count where text[index + offset] != bytes[offset] { return false }
    return true
  }

  /// Whether a phone word ends shortly before `index` (ASCII case ignored).
  private func followsPhoneWord(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
    let start = max(0, index - 24)
    for position in start..<index {
      let first = text[position].asciiLowercased
      for word in words where word[0] == first && position + word.count <= index {
        var matches = true
        for offset in 1..<word.count where text[position + offset].asciiLowercased != word[offset] {
          matches = false
          break
        }
        if matches { return true }
      }
    }
    return false
  }

  private func isFollowedByCurrency(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    var i = index
    if let gap = separatorLength(text, at: i) { i += gap }
    guard i < text.count else { return false }
    if text[i] == 0xE2, i + 2 < text.count, text[i + 1] == 0x82, text[i + 2] == 0xAC {
      return true
    }
    return i + 2 < text.count && text[i].asciiLowercased == 0x65
      && text[i + 1].asciiLowercased == 0x75
      && text[i + 2].asciiLowercased == 0x72
  }

  // MARK: tel: links

  /// The number of a `tel:` link: the country's own as `+`, calling code and national number;
  /// other international ones as `+` and their digits.
  func phone(fromTel href: UnsafeBufferPointer<UInt8>) -> String? {
    guard let colon = href.firstIndex(of: 0x3A) else { return nil }
    let decoded = ContactExtractor.percentDecoded(href[(colon + 1)...])
    var digits = decoded.filter { $0 &- 0x30 < 10 }
    let isInternational = decoded.first(where: { $0 != 0x20 }) == 0x2B
    var isNational = false
    var hasTrunk = false
    if countryCode.isEmpty {
      isNational = false
    } else if isInternational {
      if digits.starts(with: countryCode) {
        digits.removeFirst(countryCode.count)
        isNational = true
      }
    } else if digits.starts(with: [0x30, 0x30] + countryCode) {
      digits.removeFirst(2 + countryCode.count)
      isNational = true
    } else if digits.starts(with: countryCode), digits.count >= countryCode.count + minimumDigits {
      digits.removeFirst(countryCode.count)
      isNational = true
    } else {
      isNational = true
      hasTrunk = true
    }
    if isNational {
      guard digits.count <= 19 else { return nil }
      let value = digits.reduce(UInt64(0)) { $0 &* 10 &+ UInt64($1 &- 0x30) }
      guard let national = nationalNumber(value, digits: digits.count, hasTrunk: hasTrunk)
      else { return nil }
      return international(national.value, digits: national.digits)
    }
    guard isInternational, (8...15).contains(digits.count) else { return nil }
    return "+" + String(decoding: digits, as: UTF8.self)
  }
}
