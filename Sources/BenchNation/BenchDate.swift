import FixtureServer

/// A calendar date on a dense page, written the ways municipal pages write dates.
struct BenchDate {
  let day: Int
  let month: Int
  let year: Int

  /// A date of 2026, January to November, drawn from `random`.
  init(_ random: inout SplitMix64) {
    day = 1 + Int(random.next() % 28)
    month = 1 + Int(random.next() % 11)
    year = 2026
  }

  /// The date a page's title carries: the same for every site, so link texts repeat as menus do.
  init(page: Int) {
    day = 1 + page * 7 % 28
    month = 1 + page * 5 % 11
    year = 2026
  }

  private static let estonianMonths = [
    "jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli", "august", "september",
    "oktoober", "november", "detsember",
  ]
  private static let estonianAdessive = [
    "jaanuaril", "veebruaril", "märtsil", "aprillil", "mail", "juunil", "juulil", "augustil",
    "septembril", "oktoobril", "novembril", "detsembril",
  ]
  private static let russianGenitive = [
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
  ]
  private static let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  /// `12.03.2026`
  var numeric: String { "\(twoDigits(day)).\(twoDigits(month)).\(year)" }
  /// `2026-03-12`
  var iso: String { "\(year)-\(twoDigits(month))-\(twoDigits(day))" }
  /// `12. märts 2026`
  var estonian: String { "\(day). \(Self.estonianMonths[month - 1]) \(year)" }
  /// `12. märtsil 2026`
  var estonianOn: String { "\(day). \(Self.estonianAdessive[month - 1]) \(year)" }
  /// `12 марта 2026`
  var russian: String { "\(day) \(Self.russianGenitive[month - 1]) \(year)" }
  /// `12 March 2026`
  var english: String { "\(day) \(Self.englishMonths[month - 1]) \(year)" }
}

extension BenchDate {
  /// `template` with its placeholders filled from this date: `{num}` `12.03.2026`, `{iso}`
  /// `2026-03-12`, `{et}` `12. märts 2026`, `{on}` `12. märtsil 2026`, `{ru}` `12 марта 2026`,
  /// `{en}` `12 March 2026`, `{year}`, `{last}` and `{next}` the year, the one before and after.
  /// One pass over the template: a server answering thousands of requests a second fills
  /// templates on every page, and Foundation's search and replace cost more than the crawlers
  /// it serves.
  func fill(_ template: String) -> String {
    var text = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      text += rest[..<open]
      let name = rest[rest.index(after: open)...].prefix { $0 != "}" }
      guard name.endIndex < rest.endIndex, let value = value(of: name) else {
        text.append("{")
        rest = rest[rest.index(after: open)...]
        continue
      }
      text += value
      rest = rest[rest.index(after: name.endIndex)...]
    }
    return text + rest
  }

  private func value(of placeholder: Substring) -> String? {
    switch placeholder {
    case "num": numeric
    case "iso": iso
    case "et": estonian
    case "on": estonianOn
    case "ru": russian
    case "en": english
    case "year": "\(year)"
    case "last": "\(year - 1)"
    case "next": "\(year + 1)"
    default: nil
    }
  }
}
