/// Reads the day of an HTTP date (`Last-Modified`). HTTP dates are English by protocol
/// (RFC 9110 § 5.6.7), whatever languages a rule set reads, so their month names are fixed here
/// and are no locale data.
public enum HTTPDate {
  /// The day of IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850
  /// `Sunday, 06-Nov-94 08:49:37 GMT` or asctime `Sun Nov  6 08:49:37 1994`. The date is the GMT
  /// one. Nil when unparsable or outside ``TextDates/plausibleYears`` (servers that send the Unix
  /// epoch do not know the date).
  public static func day(from value: String) -> Day? {
    var day: Int?
    var month: Int?
    var year: Int?
    let tokens = value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
    for token in tokens {
      if token.contains(":") { continue }
      let parts = token.split(separator: "-")
      if parts.count == 3, let d = Int(parts[0]), let m = self.month(parts[1]),
        let y = Int(parts[2])
      {
        day = d
        month = m
        year = parts[2].count == 2 ? (y >= 70 ? 1900 + y : 2000 + y) : y
        continue
      }
      if let m = self.month(token) {
        month = m
      } else if let number = Int(token) {
        if token.count == 4 {
          year = number
        } else if token.count <= 2 {
          day = number
        }
      }
    }
    guard let d = day, let m = month, let y = year, TextDates.plausibleYears.contains(y) else {
      return nil
    }
    return Day(year: y, month: m, day: d)
  }

  private static func month(_ token: Substring) -> Int? {
    guard token.count >= 3 else { return nil }
    return months[token.lowercased()]
  }

  /// Month names as servers write them: the protocol's three-letter ones, and in full.
  private static let months: [String: Int] = {
    let names = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    var table: [String: Int] = ["sept": 9]
    for (index, name) in names.enumerated() {
      table[name] = index + 1
      table[String(name.prefix(3))] = index + 1
    }
    return table
  }()
}
