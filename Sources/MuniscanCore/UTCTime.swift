import Foundation

/// Moments as muniscan writes them: UTC, to the second (WARC-Date, file names, index lines).
/// Written digit by digit: a crawl writes three per exchange, and a formatted `String(format:)`
/// cost more than the rest of the record's fields together.
public enum UTCTime {
  /// `2026-11-20T09:05:00Z`
  public static func iso(_ epoch: Double) -> String {
    let t = parts(epoch)
    var text: [UInt8] = []
    text.reserveCapacity(20)
    append(Int(t.tm_year) + 1900, digits: 4, to: &text)
    text.append(UInt8(ascii: "-"))
    append(Int(t.tm_mon) + 1, digits: 2, to: &text)
    text.append(UInt8(ascii: "-"))
    append(Int(t.tm_mday), digits: 2, to: &text)
    text.append(UInt8(ascii: "T"))
    append(Int(t.tm_hour), digits: 2, to: &text)
    text.append(UInt8(ascii: ":"))
    append(Int(t.tm_min), digits: 2, to: &text)
    text.append(UInt8(ascii: ":"))
    append(Int(t.tm_sec), digits: 2, to: &text)
    text.append(UInt8(ascii: "Z"))
    return String(decoding: text, as: UTF8.self)
  }

  /// `20261120090500`, the timestamp in WARC file names.
  public static func compact(_ epoch: Double) -> String {
    let t = parts(epoch)
    var text: [UInt8] = []
    text.reserveCapacity(14)
    append(Int(t.tm_year) + 1900, digits: 4, to: &text)
    for value in [t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec] {
      append(Int(value), digits: 2, to: &text)
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The UTC calendar day of a moment.
  public static func day(_ epoch: Double) -> Day {
    let t = parts(epoch)
    return Day(year: Int(t.tm_year) + 1900, month: Int(t.tm_mon) + 1, day: Int(t.tm_mday))!
  }

  private static func parts(_ epoch: Double) -> tm {
    var seconds = time_t(epoch.rounded(.down))
    var result = tm()
    gmtime_r(&seconds, &result)
    return result
  }

  /// Appends `value` in decimal, zero-padded to at least `digits` digits.
  private static func append(_ value: Int, digits: Int, to text: inout [UInt8]) {
    if value < 0 { text.append(UInt8(ascii: "-")) }
    let magnitude = value.magnitude
    var divisor: UInt = 1
    var width = 1
    while width < digits || magnitude / divisor >= 10 {
      divisor *= 10
      width += 1
    }
    var rest = magnitude
    while divisor > 0 {
      text.append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }
}
