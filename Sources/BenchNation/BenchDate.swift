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
  func fill(_ template: String) -> String {
    let values = [
      ("{num}", numeric), ("{iso}", iso), ("{et}", estonian), ("{on}", estonianOn),
      ("{ru}", russian), ("{en}", english), ("{year}", "\(year)"), ("{last}", "\(year - 1)"),
      ("{next}", "\(year + 1)"),
    ]
    var text = template
    for (placeholder, value) in values where text.contains(placeholder) {
      text = text.replacing(placeholder, with: value)
    }
    return text
  }
}
