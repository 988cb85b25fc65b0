/// Finds calendar dates and years written in free text, link text, URLs and file names.
///
/// Freshness rules need the newest date a page or document mentions. Municipal sites write dates
/// as `12.03.2026`, `12. märtsil 2026`, `2026-03-12` (also in file names such as
/// `protokoll_2026_03_12.pdf`), `12 March 2026`, `March 12, 2026` or `12 марта 2026`; plans carry
/// year ranges (`Arengukava 2019–2027`). Which month names and patterns count is locale data
/// (``DateFormats``), compiled once when a reader is made. The scanner works on UTF-8 bytes
/// without regular expressions, so it is cheap enough to run over every page's text. It lives in
/// MuniscanCore because the evaluator also runs it on evidence.
public struct TextDates: Sendable {
  /// Years accepted as plausible for a municipal web page; others are ignored.
  public static let plausibleYears: ClosedRange<Int> = 1990...2100

  /// The longest year range that is expanded year by year (`2019–2027`); wider ranges contribute
  /// only their two ends.
  public static let maximumExpandedSpan = 30

  let dayFirstMonths: [String: Int]
  let monthFirstMonths: [String: Int]
  let ordinals: [[UInt8]]
  let dayFirstSeparators: SeparatorSet
  let yearFirstSeparators: SeparatorSet

  /// A reader of the dates `formats` describes.
  public init(_ formats: DateFormats) {
    dayFirstMonths = formats.dayFirstMonths
    monthFirstMonths = formats.monthFirstMonths
    ordinals = formats.ordinals.map { Array($0.utf8) }
    dayFirstSeparators = SeparatorSet(formats.numeric.filter { !$0.isYearFirst })
    yearFirstSeparators = SeparatorSet(formats.numeric.filter(\.isYearFirst))
  }

  /// Every valid date written in `text`, sorted and unique.
  ///
  /// Numeric dates follow the patterns of the formats (day and month of one or two digits when
  /// the day comes first, with a space allowed after a dot; two digits when the year comes
  /// first, also inside ISO timestamps, URLs and file names). A month word of the formats
  /// follows the day after a dot (`12. märts 2026`), spaces, or an ordinal ending (`12th Mar,
  /// 2026`), and month-first words stand before it (`March 12, 2026`). Impossible dates
  /// (`31.02.2026`) and years outside ``plausibleYears`` are skipped.
  public func days(in text: String) -> [Day] {
    var found: [Day] = []
    withUTF8(text) { bytes in
      DateScanner(bytes: bytes, reader: self).scan { found.append($0) }
    }
    return Array(Set(found)).sorted()
  }

  /// Four-digit years in ``plausibleYears`` mentioned in `text`, sorted and unique. Ranges such as
  /// `2025–2028`, `2025-2028`, `2025 - 2028`, `2025/2026` and `2025–28` are expanded to every year
  /// in between. A number followed by a currency (`2000 eurot`, `1990 €`) is not a year.
  public static func years(in text: String) -> [Int] {
    var found = Set<Int>()
    withUTF8(text) { bytes in
      YearScanner(bytes: bytes).scan { found.insert($0) }
    }
    return found.sorted()
  }
}

/// The separators (`.`, `-`, `/`, `_`) of some numeric date patterns, as bits.
struct SeparatorSet: Sendable {
  private let bits: UInt8

  init(_ patterns: some Sequence<NumericDatePattern>) {
    bits = patterns.reduce(0) { $0 | Self.bit($1.separator) }
  }

  @inline(__always) func contains(_ byte: UInt8) -> Bool { bits & Self.bit(byte) != 0 }

  @inline(__always) private static func bit(_ byte: UInt8) -> UInt8 {
    switch byte {
    case 0x2E: return 1
    case 0x2D: return 2
    case 0x2F: return 4
    case 0x5F: return 8
    default: return 0
    }
  }
}

private func withUTF8(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
  var text = text
  text.withUTF8 { body($0) }
}

// MARK: - Byte helpers

@inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

@inline(__always) private func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

/// The index of the first eight-byte block at or after `index` that may hold a digit (or the
/// end), stepping over blocks without one with the SWAR "has byte between" test, which is exact
/// about whether such a byte exists; digits are rare in prose, and pages are long.
@inline(__always)
private func skipToDigit(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
  guard let base = bytes.baseAddress else { return bytes.count }
  let ones: UInt64 = 0x0101_0101_0101_0101
  var i = index
  while i &+ 8 <= bytes.count {
    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
    let low = word & (ones &* 0x7F)
    // Bytes m < b < n with m = 0x2F, n = 0x3A.
    let between = (ones &* (127 + 0x3A) &- low) & ~word & (low &+ ones &* (127 - 0x2F))
    if between & (ones &* 0x80) != 0 { return i }
    i &+= 8
  }
  return i < bytes.count ? i : bytes.count
}

/// Reads an unsigned decimal run starting at `index`: its value and length (0 when no digit).
@inline(__always)
private func digitRun(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (
  value: Int, length: Int
) {
  var value = 0
  var end = index
  while end < bytes.count, isDigit(bytes[end]), end - index < 9 {
    value = value * 10 + Int(bytes[end] &- 0x30)
    end += 1
  }
  return (value, end - index)
}

/// Length of the horizontal space (space, tab, line breaks, no-break space) at `index`.
@inline(__always)
private func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
  guard index < bytes.count else { return 0 }
  switch bytes[index] {
  case 0x20, 0x09, 0x0A, 0x0D: return 1
  case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return 2
  default: return 0
  }
}

/// Skips up to `limit` space characters and returns the new index.
@inline(__always)
private func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, limit: Int = 3) -> Int {
  var index = index
  var count = 0
  while count < limit {
    let length = spaceLength(bytes, index)
    if length == 0 { break }
    index += length
    count += 1
  }
  return index
}

/// Reads a word of letters (ASCII, Latin-1 supplement, Latin Extended-A, Cyrillic) at `index`,
/// lower-cased; nil when there is none or it is implausibly long for a month name.
private func lowercasedWord(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (
  word: String, end: Int
)? {
  var word: [UInt8] = []
  var i = index
  while i < bytes.count {
    let byte = bytes[i]
    if isASCIILetter(byte) {
      word.append(byte | 0x20)
      i += 1
    } else if byte == 0xC3 || byte == 0xC5 || byte == 0xD0 || byte == 0xD1, i + 1 < bytes.count,
      bytes[i + 1] & 0xC0 == 0x80
    {
      var lead = byte
      var trail = bytes[i + 1]
      switch lead {
      case 0xC3 where trail >= 0x80 && trail <= 0x9E && trail != 0x97: trail += 0x20
      case 0xC5 where trail == 0xA0 || trail == 0xBD: trail += 1
      case 0xD0 where trail >= 0x90 && trail <= 0x9F: trail += 0x20
      case 0xD0 where trail >= 0xA0 && trail <= 0xAF:
        lead = 0xD1
        trail -= 0x20
      case 0xD0 where trail >= 0x80 && trail <= 0x8F:
        lead = 0xD1
        trail += 0x10
      default: break
      }
      word.append(lead)
      word.append(trail)
      i += 2
    } else {
      break
    }
    if word.count > 24 { return nil }
  }
  guard !word.isEmpty else { return nil }
  return (String(decoding: word, as: UTF8.self), i)
}

/// Reads a four-digit year at `index` that is not followed by another digit.
@inline(__always)
private func year(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (value: Int, end: Int)? {
  let run = digitRun(bytes, index)
  guard run.length == 4, TextDates.plausibleYears.contains(run.value) else { return nil }
  return (run.value, index + 4)
}

// MARK: - Dates

private struct DateScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let reader: TextDates

  func scan(_ emit: (Day) -> Void) {
    var i = 0
    let count = bytes.count
    while i < count {
      guard isDigit(bytes[i]) else {
        i = skipToDigit(bytes, from: i + 1)
        continue
      }
      let run = digitRun(bytes, i)
      let next: Int
      switch run.length {
      case 4: next = yearFirst(at: i, year: run.value, emit) ?? i + 4
      case 1, 2: next = dayFirst(at: i, day: run, emit) ?? i + run.length
      default: next = i + run.length
      }
      i = next
      while i < count, isDigit(bytes[i]) { i += 1 }
    }
  }

  /// Year first, as the formats allow: `2026-03-12`, `2026_03_12`, `2026.03.12`, `2026/03/12`.
  private func yearFirst(at index: Int, year: Int, _ emit: (Day) -> Void) -> Int? {
    guard TextDates.plausibleYears.contains(year) else { return nil }
    var i = index + 4
    guard i < bytes.count else { return nil }
    let separator = bytes[i]
    guard reader.yearFirstSeparators.contains(separator) else { return nil }
    i += 1
    let month = digitRun(bytes, i)
    guard month.length == 2 else { return nil }
    i += 2
    guard i < bytes.count, bytes[i] == separator else { return nil }
    i += 1
    let day = digitRun(bytes, i)
    guard day.length == 2 else { return nil }
    i += 2
    guard let date = Day(year: year, month: month.value, day: day.value) else { return nil }
    emit(date)
    return i
  }

  /// `12.03.2026`, `12. märts 2026`, `12 March 2026`, `March 12, 2026`.
  private func dayFirst(at index: Int, day: (value: Int, length: Int), _ emit: (Day) -> Void)
    -> Int?
  {
    if let end = numeric(at: index, day: day.value, length: day.length, emit) { return end }
    if let end = dayMonthName(at: index + day.length, day: day.value, emit) { return end }
    return monthNameFirst(dayAt: index, dayEnd: index + day.length, day: day.value, emit)
  }

  private func numeric(at index: Int, day: Int, length: Int, _ emit: (Day) -> Void) -> Int? {
    var i = index + length
    guard i < bytes.count else { return nil }
    let separator = bytes[i]
    guard reader.dayFirstSeparators.contains(separator) else { return nil }
    i += 1
    if separator == 0x2E { i = skipSpaces(bytes, i, limit: 1) }
    let month = digitRun(bytes, i)
    guard month.length == 1 || month.length == 2 else { return nil }
    i += month.length
    guard i < bytes.count, bytes[i] == separator else { return nil }
    i += 1
    if separator == 0x2E { i = skipSpaces(bytes, i, limit: 1) }
    guard let year = year(bytes, i), let date = Day(year: year.value, month: month.value, day: day)
    else { return nil }
    emit(date)
    return year.end
  }

  /// After the day: `. märts 2026`, ` March 2026`, `th Mar, 2026`, ` марта 2026`.
  private func dayMonthName(at start: Int, day: Int, _ emit: (Day) -> Void) -> Int? {
    var i = start
    var dotted = false
    if i < bytes.count, bytes[i] == 0x2E {
      dotted = true
      i += 1
    } else if let end = ordinalSuffix(at: i) {
      i = end
    }
    let afterSpace = skipSpaces(bytes, i)
    guard afterSpace > i || dotted else { return nil }
    guard let (word, wordEnd) = lowercasedWord(bytes, afterSpace),
      let month = reader.dayFirstMonths[word]
    else { return nil }
    i = wordEnd
    if i < bytes.count, bytes[i] == 0x2E { i += 1 }
    if i < bytes.count, bytes[i] == 0x2C { i += 1 }
    let yearStart = skipSpaces(bytes, i)
    guard yearStart > i, let year = year(bytes, yearStart),
      let date = Day(year: year.value, month: month, day: day)
    else { return nil }
    emit(date)
    return year.end
  }

  /// `March 12, 2026`, `Mar 12th 2026`: the day is preceded by a month-first month word.
  private func monthNameFirst(dayAt index: Int, dayEnd: Int, day: Int, _ emit: (Day) -> Void)
    -> Int?
  {
    guard !reader.monthFirstMonths.isEmpty else { return nil }
    var wordEnd = index
    while wordEnd > 0 {
      if bytes[wordEnd - 1] == 0x20 {
        wordEnd -= 1
      } else if wordEnd >= 2, bytes[wordEnd - 1] == 0xA0, bytes[wordEnd - 2] == 0xC2 {
        wordEnd -= 2
      } else {
        break
      }
    }
    guard wordEnd < index else { return nil }
    var wordStart = wordEnd
    while wordStart > 0, isASCIILetter(bytes[wordStart - 1]), wordEnd - wordStart < 10 {
      wordStart -= 1
    }
    if wordStart > 0, bytes[wordStart - 1] >= 0x80 || isASCIILetter(bytes[wordStart - 1]) {
      return nil
    }
    guard wordEnd - wordStart >= 3 else { return nil }
    let word = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]), as: UTF8.self
    )
    .lowercased()
    guard let month = reader.monthFirstMonths[word] else { return nil }
    var i = ordinalSuffix(at: dayEnd) ?? dayEnd
    if i < bytes.count, bytes[i] == 0x2C { i += 1 }
    let yearStart = skipSpaces(bytes, i)
    guard yearStart > i, let year = year(bytes, yearStart),
      let date = Day(year: year.value, month: month, day: day)
    else { return nil }
    emit(date)
    return year.end
  }

  /// An ordinal ending of the formats after a day number (`12th`), not followed by a letter.
  private func ordinalSuffix(at index: Int) -> Int? {
    for ordinal in reader.ordinals where index + ordinal.count <= bytes.count {
      var matches = true
      for (offset, letter) in ordinal.enumerated() where bytes[index + offset] | 0x20 != letter {
        matches = false
        break
      }
      let end = index + ordinal.count
      if matches, end >= bytes.count || !isASCIILetter(bytes[end]) { return end }
    }
    return nil
  }
}

// MARK: - Years

private struct YearScanner {
  let bytes: UnsafeBufferPointer<UInt8>

  func scan(_ emit: (Int) -> Void) {
    var i = 0
    let count = bytes.count
    while i < count {
      guard isDigit(bytes[i]) else {
        i = skipToDigit(bytes, from: i + 1)
        continue
      }
      let run = digitRun(bytes, i)
      var next = i + run.length
      if run.length == 4, TextDates.plausibleYears.contains(run.value), !isAmount(after: next) {
        emit(run.value)
        if let (last, end) = rangeEnd(after: next, first: run.value) {
          if last - run.value <= TextDates.maximumExpandedSpan {
            for year in run.value...last { emit(year) }
          } else {
            emit(last)
          }
          next = end
        }
      }
      i = next
      while i < count, isDigit(bytes[i]) { i += 1 }
    }
  }

  /// A dash or slash (with optional spaces) and a later year: `–2028`, ` - 2028`, `/26`.
  private func rangeEnd(after index: Int, first: Int) -> (Int, Int)? {
    var i = skipSpaces(bytes, index, limit: 1)
    guard i < bytes.count else { return nil }
    switch bytes[i] {
    case 0x2D, 0x2F:
      i += 1
    case 0xE2
    where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (0x92...0x95).contains(bytes[i + 2]):
      i += 3  // ‒ – — ―
    case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x88 && bytes[i + 2] == 0x92:
      i += 3  // −
    default:
      return nil
    }
    i = skipSpaces(bytes, i, limit: 1)
    let run = digitRun(bytes, i)
    let end = i + run.length
    switch run.length {
    case 4:
      guard run.value > first, TextDates.plausibleYears.contains(run.value),
        !isAmount(after: end)
      else { return nil }
      return (run.value, end)
    case 2:
      // `2025–28`, but not the month of `2010-12-01`.
      if end + 1 < bytes.count, [0x2D, 0x2E, 0x2F, 0x5F, 0x3A].contains(bytes[end]),
        isDigit(bytes[end + 1])
      {
        return nil
      }
      let last = first / 100 * 100 + run.value
      guard last > first, TextDates.plausibleYears.contains(last) else { return nil }
      return (last, end)
    default:
      return nil
    }
  }

  /// `2000 eurot`, `2000€`, `1990 EUR`: a sum of money, not a year.
  private func isAmount(after index: Int) -> Bool {
    let i = skipSpaces(bytes, index, limit: 1)
    guard i < bytes.count else { return false }
    if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x82, bytes[i + 2] == 0xAC {
      return true  // €
    }
    guard i + 2 < bytes.count, bytes[i] | 0x20 == 0x65, bytes[i + 1] | 0x20 == 0x75,
      bytes[i + 2] | 0x20 == 0x72
    else { return false }
    // eur, euro, eurot, but not Euroopa.
    var end = i + 3
    for suffix: UInt8 in [0x6F, 0x74] where end < bytes.count && bytes[end] | 0x20 == suffix {
      end += 1
    }
    return end >= bytes.count || !isASCIILetter(bytes[end])
  }
}
