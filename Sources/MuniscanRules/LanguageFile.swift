import MuniscanCore

/// What `locales/<code>.yml` says about one language: how its text writes dates, the words that
/// introduce a phone number in it, and the fixed words of reports in it. Every part is optional
/// in the file; a rule set that reads pages in the language needs its dates, and `--lang` needs
/// its words.
struct LanguageFile: Sendable {
  var path: String
  /// Lower-case month words (every case form and abbreviation) to month numbers; empty when the
  /// file names no months.
  var months: [String: Int]
  /// Whether dates put a month word after the day (`12. märts 2026`) and before it
  /// (`March 12, 2026`).
  var dayFirst: Bool
  var monthFirst: Bool
  var ordinals: [String]
  var phoneWords: [String]
  /// Words that negate a sentence, folded (`negation_words`).
  var negationWords: [String]
  /// Words that name news in an address, folded (`news_words`).
  var newsWords: [String]
  /// The words of a link back to a list, folded (`back_words`).
  var backWords: [String]
  var words: ReportWords?
}

/// Reads a language file strictly, every problem a ``RuleError`` with file, line and column.
enum LanguageFileReader {
  static let keys: Set<String> = [
    "months", "month_endings", "date_orders", "ordinals", "phone_words", "negation_words",
    "news_words",
    "back_words", "words",
  ]
  static let dayFirstOrder = "day month year"
  static let monthFirstOrder = "month day year"

  static func read(_ path: String, language: Language) throws -> LanguageFile {
    let document = try YAMLValue.parse(try SourceFile.read(path), file: path)
    let map = try document.mapping(allowing: keys, what: "a language file")
    var file = LanguageFile(
      path: path, months: [:], dayFirst: false, monthFirst: false, ordinals: [], phoneWords: [],
      negationWords: [], newsWords: [], backWords: [], words: nil)
    if let months = map["months"] {
      file.months = try readMonths(months, endings: try map["month_endings"].map(readEndings))
      let orders = try map.required("date_orders")
      for order in try orders.strings(what: "'date_orders'") {
        switch order {
        case dayFirstOrder: file.dayFirst = true
        case monthFirstOrder: file.monthFirst = true
        default:
          throw orders.error(
            "unknown date order '\(order)' (known: \(dayFirstOrder), \(monthFirstOrder))")
        }
      }
      if file.monthFirst,
        let word = file.months.keys.sorted().first(where: { !isMonthFirstWord($0) })
      {
        throw months.error(
          "'\(word)': month words of the order '\(monthFirstOrder)' must be 3 to 10 ASCII letters")
      }
    } else if let extra = map["month_endings"] ?? map["date_orders"] {
      throw extra.error("'month_endings' and 'date_orders' need 'months'")
    }
    if let ordinals = map["ordinals"] {
      file.ordinals = try ordinals.strings(what: "'ordinals'")
      if let bad = file.ordinals.first(where: { $0.isEmpty || !$0.utf8.allSatisfy(isLowerASCII) }) {
        throw ordinals.error("ordinal '\(bad)' must be lower-case ASCII letters")
      }
    }
    if let words = map["phone_words"] {
      file.phoneWords = try words.strings(what: "'phone_words'")
      if let bad = file.phoneWords.first(where: {
        $0.isEmpty || $0.utf8.contains { $0 &- 0x41 < 26 }
      }) {
        throw words.error(
          "phone word '\(bad)' must not be empty or hold upper-case ASCII (ASCII case is ignored)")
      }
    }
    file.negationWords = try oneWords(map, "negation_words", what: "negation word")
    file.newsWords = try oneWords(map, "news_words", what: "news word")
    file.backWords = try oneWords(map, "back_words", what: "back word")
    file.words = try map["words"].map { try ReportWordsReader.read($0, language: language) }
    return file
  }

  /// A list of single words, folded as page text is; empty when the file has none.
  private static func oneWords(_ map: YAMLMapping, _ key: String, what: String) throws -> [String] {
    guard let value = map[key] else { return [] }
    let words = try value.strings(what: "'\(key)'").map(TextNormalizer.normalize)
    if let bad = words.first(where: { $0.isEmpty || $0.contains(" ") }) {
      throw value.error("\(what) '\(bad)' must be one word")
    }
    return words
  }

  /// `month_endings`: the case endings a stem (a month word ending in `-`) takes.
  private static func readEndings(_ value: YAMLValue) throws -> [String] {
    try value.strings(what: "'month_endings'")
  }

  /// `months`: twelve lists of words, January first.
  private static func readMonths(_ value: YAMLValue, endings: [String]?) throws -> [String: Int] {
    let lists = try value.sequence(what: "'months'")
    guard lists.count == 12 else { throw value.error("'months' must list 12 months") }
    var table: [String: Int] = [:]
    for (index, list) in lists.enumerated() {
      for word in try list.strings(what: "a month") {
        var forms = [word]
        if word.hasSuffix("-") {
          guard let endings else {
            throw list.error("'\(word)' is a stem: give 'month_endings'")
          }
          forms = endings.map { word.dropLast() + $0 }
        }
        for form in forms {
          guard !form.isEmpty, form.unicodeScalars.allSatisfy(isMonthLetter) else {
            throw list.error(
              "month word '\(form)' must be lower-case letters the date reader knows "
                + "(a–z, Latin-1, Latin Extended-A from ŀ, Cyrillic)")
          }
          if let other = table[form], other != index + 1 {
            throw list.error("'\(form)' names months \(other) and \(index + 1)")
          }
          table[form] = index + 1
        }
      }
    }
    return table
  }

  /// Letters the date scanner reads and lower-cases in page text.
  private static func isMonthLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x61...0x7A, 0xDF...0xF6, 0xF8...0xFF, 0x140...0x17F, 0x430...0x45F: return true
    default: return false
    }
  }

  /// A word the backward scan for `March 12, 2026` can read.
  private static func isMonthFirstWord(_ word: String) -> Bool {
    (3...10).contains(word.utf8.count) && word.utf8.allSatisfy(isLowerASCII)
  }

  private static func isLowerASCII(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
}
