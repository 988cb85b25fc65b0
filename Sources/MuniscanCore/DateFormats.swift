/// How the pages a rule set reads write dates: the month names of their languages with every
/// case form and abbreviation, which of those may stand before the day (`March 12, 2026`), the
/// endings written after a day number (`12th`), and the numeric patterns in use (`12.03.2026`,
/// `2026-03-12`).
///
/// Locale data: the rule set's `locale.yml` and the language files it names
/// (`locales/<code>.yml`) fill it in, and ``TextDates`` reads text with it. Empty, it finds no
/// dates at all.
public struct DateFormats: Sendable, Hashable {
  /// Lower-case month words to month numbers 1–12, for dates written day first
  /// (`12. märtsil 2026`, `12 March 2026`, `12 марта 2026`).
  public var dayFirstMonths: [String: Int]
  /// Lower-case month words (ASCII letters, 3 to 10 of them) to month numbers, for dates written
  /// month first (`March 12, 2026`).
  public var monthFirstMonths: [String: Int]
  /// Endings written after a day number (`st`, `nd`, `rd`, `th`): lower-case ASCII letters.
  public var ordinals: [String]
  /// The numeric patterns recognised.
  public var numeric: Set<NumericDatePattern>

  public init(
    dayFirstMonths: [String: Int] = [:], monthFirstMonths: [String: Int] = [:],
    ordinals: [String] = [], numeric: Set<NumericDatePattern> = []
  ) {
    self.dayFirstMonths = dayFirstMonths
    self.monthFirstMonths = monthFirstMonths
    self.ordinals = ordinals
    self.numeric = numeric
  }
}

/// A numeric date pattern, named as locale files write it: the order of day, month and year
/// and the separator between them. Day-first dates take one- or two-digit days and months
/// (`1.3.2026`, and after a dot a space: `05. 04. 2025`); year-first dates take two-digit ones
/// (`2026-03-12`, also inside timestamps and file names). Years have four digits.
public enum NumericDatePattern: String, Sendable, Hashable, CaseIterable {
  case dayMonthYearDot = "d.m.y"
  case dayMonthYearDash = "d-m-y"
  case dayMonthYearSlash = "d/m/y"
  case dayMonthYearUnderscore = "d_m_y"
  case yearMonthDayDot = "y.m.d"
  case yearMonthDayDash = "y-m-d"
  case yearMonthDaySlash = "y/m/d"
  case yearMonthDayUnderscore = "y_m_d"

  /// Whether the year comes first.
  public var isYearFirst: Bool { rawValue.hasPrefix("y") }

  /// The separator byte (`.`, `-`, `/` or `_`).
  public var separator: UInt8 { Array(rawValue.utf8)[1] }
}
