import MuniscanCore

/// Reads the `words:` section of a language file: every ``ReportWord``, the names of the statuses
/// and bands (`status_names`, `band_names`), the templates (counts, an HTTP error), a template
/// per reason code (`reasons`) and the names of the kinds of evidence (`evidence_kinds`), none
/// missing and none unknown.
enum ReportWordsReader {
  static let templateKeys = ["pass_count", "rank_of", "http_error"]

  static func read(_ value: YAMLValue, language: Language) throws -> ReportWords {
    let wordKeys = ReportWord.allCases.map(\.rawValue)
    let map = try value.mapping(
      allowing: Set(
        wordKeys + ["status_names", "band_names", "reasons", "evidence_kinds"] + templateKeys),
      what: "'words'")
    var words: [ReportWord: String] = [:]
    for word in ReportWord.allCases {
      words[word] = try map.required(word.rawValue).string(what: "'words.\(word.rawValue)'")
    }
    return ReportWords(
      language: language, words: words,
      statuses: try names(
        FindingStatus.self, map.required("status_names"), what: "'words.status_names'"),
      bands: try names(Band.self, map.required("band_names"), what: "'words.band_names'"),
      passCount: try template(
        map.required("pass_count"), placeholders: ReportWords.passCountPlaceholders),
      rankOf: try template(map.required("rank_of"), placeholders: ReportWords.rankOfPlaceholders),
      httpError: try template(
        map.required("http_error"), placeholders: ReportWords.httpErrorPlaceholders),
      reasons: try reasons(map.required("reasons")),
      evidenceKinds: try evidenceKinds(map.required("evidence_kinds")))
  }

  /// A template for every reason code, holding that code's placeholders.
  private static func reasons(_ value: YAMLValue) throws -> [Reason.Code: String] {
    let codes = Reason.Code.templated
    let map = try value.mapping(allowing: Set(codes.map(\.rawValue)), what: "'words.reasons'")
    var templates: [Reason.Code: String] = [:]
    for code in codes {
      templates[code] = try template(map.required(code.rawValue), placeholders: code.placeholders)
    }
    return templates
  }

  /// A name for every kind of evidence.
  private static func evidenceKinds(_ value: YAMLValue) throws -> [String: String] {
    let map = try value.mapping(allowing: Set(Evidence.kinds), what: "'words.evidence_kinds'")
    var names: [String: String] = [:]
    for kind in Evidence.kinds {
      names[kind] = try map.required(kind).string(what: "'words.evidence_kinds.\(kind)'")
    }
    return names
  }

  /// A text for every case of `T`, keyed by raw value.
  private static func names<T: RawRepresentable & CaseIterable & Hashable>(
    _: T.Type, _ value: YAMLValue, what: String
  ) throws -> [T: String] where T.RawValue == String {
    let map = try value.mapping(allowing: Set(T.allCases.map(\.rawValue)), what: what)
    var texts: [T: String] = [:]
    for item in T.allCases {
      texts[item] = try map.required(item.rawValue).string(what: "\(what).\(item.rawValue)")
    }
    return texts
  }

  /// A template holding each of `placeholders` (`{pass}`) and no other.
  private static func template(_ value: YAMLValue, placeholders: [String]) throws -> String {
    let text = try value.string(what: "a template")
    var found: [String] = []
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}") else {
        throw value.error("'{' without '}' in '\(text)'")
      }
      found.append(String(rest[rest.index(after: open)..<close]))
      rest = rest[rest.index(after: close)...]
    }
    guard found.sorted() == placeholders.sorted() else {
      guard !placeholders.isEmpty else { throw value.error("'\(text)' must hold no {…}") }
      let wanted = placeholders.map { "{\($0)}" }.joined(separator: " and ")
      throw value.error("'\(text)' must hold \(wanted), each once, and no other {…}")
    }
    return text
  }
}
