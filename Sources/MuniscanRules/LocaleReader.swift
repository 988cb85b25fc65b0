import MuniscanCore

/// Reads a rule set's `locale.yml` — the languages its pages are written in, the numeric date
/// patterns and the country's phone format — and joins it with those languages' files into the
/// ``PageLocale`` pages are analysed with.
///
/// ```yaml
/// page_languages: [et, ru, en]     # their month names, date orders and phone words are read
/// numeric_dates: [d.m.y, y-m-d]    # see NumericDatePattern
/// phones:                          # optional
///   country_code: "372"
///   trunk_prefix: ""               # optional: dialled before national numbers at home
///   national_numbers:              # lengths and first digits of national significant numbers
///     - { digits: 7, starts: "345678" }
/// ```
enum LocaleReader {
  static let fileName = "locale.yml"
  static let keys: Set<String> = ["page_languages", "numeric_dates", "phones"]
  static let phoneKeys: Set<String> = ["country_code", "trunk_prefix", "national_numbers"]
  /// National numbers longer than this would not fit the reader's integer with a prefix.
  static let maximumNationalDigits = 15

  static func read(_ path: String, library: LocaleLibrary) throws -> PageLocale {
    let document = try YAMLValue.parse(try SourceFile.read(path), file: path)
    let map = try document.mapping(allowing: keys, what: "locale.yml")
    let languagesValue = try map.required("page_languages")
    var files: [LanguageFile] = []
    for code in try languagesValue.strings(what: "'page_languages'") {
      guard let language = Language(code: code) else {
        throw languagesValue.error("'\(code)' is not an ISO 639-1 language code")
      }
      guard let file = try library.file(for: language) else {
        throw languagesValue.error(
          "no language file \(code).yml in \(library.folders.joined(separator: ", "))")
      }
      guard !file.months.isEmpty else {
        throw languagesValue.error("\(file.path) names no 'months', which a page language needs")
      }
      files.append(file)
    }
    let dates = DateFormats(
      dayFirstMonths: try joined(files.filter(\.dayFirst), at: languagesValue),
      monthFirstMonths: try joined(files.filter(\.monthFirst), at: languagesValue),
      ordinals: unique(files.flatMap(\.ordinals)),
      numeric: try numericPatterns(try map.required("numeric_dates")))
    let phones = try map["phones"].map {
      try phoneFormat($0, words: unique(files.flatMap(\.phoneWords)))
    }
    return PageLocale(
      dates: dates, phones: phones, negations: Set(files.flatMap(\.negationWords)),
      newsWords: Set(files.flatMap(\.newsWords)), backWords: Set(files.flatMap(\.backWords)))
  }

  /// The month words of several languages in one table; a word naming two months is an error.
  private static func joined(_ files: [LanguageFile], at value: YAMLValue) throws -> [String: Int] {
    var table: [String: Int] = [:]
    var owner: [String: LanguageFile] = [:]
    for file in files {
      for (word, month) in file.months {
        if let other = table[word], other != month, let first = owner[word] {
          throw value.error(
            "'\(word)' is month \(other) in \(first.path) but month \(month) in \(file.path)")
        }
        table[word] = month
        owner[word] = owner[word] ?? file
      }
    }
    return table
  }

  private static func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }

  private static func numericPatterns(_ value: YAMLValue) throws -> Set<NumericDatePattern> {
    try Set(
      value.strings(what: "'numeric_dates'").map { name in
        guard let pattern = NumericDatePattern(rawValue: name) else {
          let known = NumericDatePattern.allCases.map(\.rawValue).joined(separator: ", ")
          throw value.error("unknown numeric date pattern '\(name)' (known: \(known))")
        }
        return pattern
      })
  }

  private static func phoneFormat(_ value: YAMLValue, words: [String]) throws -> PhoneFormat {
    let map = try value.mapping(allowing: phoneKeys, what: "'phones'")
    let codeValue = try map.required("country_code")
    let code = try digits(codeValue, what: "'phones.country_code'", lengths: 1...3)
    let trunk = try map["trunk_prefix"].map {
      try digits($0, what: "'phones.trunk_prefix'", lengths: 0...3)
    }
    let numbersValue = try map.required("national_numbers")
    var numbers: [Int: Set<Int>] = [:]
    for item in try numbersValue.sequence(what: "'phones.national_numbers'") {
      let entry = try item.mapping(allowing: ["digits", "starts"], what: "a national number")
      let lengthsValue = try entry.required("digits")
      let lengths =
        if case .scalar = lengthsValue.node {
          [try lengthsValue.int(what: "'digits'")]
        } else {
          try lengthsValue.sequence(what: "'digits'").map { try $0.int(what: "'digits'") }
        }
      let starts = try digits(entry.required("starts"), what: "'starts'", lengths: 1...10)
      for length in lengths {
        guard (1...maximumNationalDigits).contains(length) else {
          throw lengthsValue.error("'digits' must be between 1 and \(maximumNationalDigits)")
        }
        numbers[length, default: []].formUnion(starts.utf8.map { Int($0 &- 0x30) })
      }
    }
    guard !numbers.isEmpty else { throw numbersValue.error("'national_numbers' is empty") }
    return PhoneFormat(
      countryCode: code, trunkPrefix: trunk ?? "", nationalNumbers: numbers, words: words)
  }

  /// A text of ASCII digits whose length is in `lengths`.
  private static func digits(_ value: YAMLValue, what: String, lengths: ClosedRange<Int>) throws
    -> String
  {
    let text = try value.string(what: what)
    guard lengths.contains(text.utf8.count), text.utf8.allSatisfy({ $0 &- 0x30 < 10 }) else {
      throw value.error("\(what) must be \(lengths.lowerBound)–\(lengths.upperBound) digits")
    }
    return text
  }
}
