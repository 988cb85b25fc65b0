/// Text in each language a rule set declares, as rule titles, advice and area titles are
/// written: a map from language to text, open to any language.
///
/// It is encoded as a JSON object keyed by language code (`{"en": …, "et": …}`), so scorecards
/// keep their shape whatever the languages.
public struct LocalizedText: Sendable, Codable, Hashable {
  private var texts: [Language: String]

  public init(_ texts: [Language: String]) {
    self.texts = texts
  }

  /// The same text in each of `languages` (a rule set's title when it names none).
  public init(_ text: String, in languages: [Language]) {
    texts = Dictionary(languages.map { ($0, text) }, uniquingKeysWith: { first, _ in first })
  }

  /// The languages the text is written in, sorted by code.
  public var languages: [Language] { texts.keys.sorted() }

  /// The text in `language`; empty when it is not written in it.
  public subscript(language: Language) -> String { texts[language] ?? "" }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    var texts: [Language: String] = [:]
    for (code, text) in try container.decode([String: String].self) {
      guard let language = Language(code: code) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "'\(code)' is not an ISO 639-1 language code")
      }
      texts[language] = text
    }
    self.texts = texts
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(Dictionary(uniqueKeysWithValues: texts.map { ($0.key.code, $0.value) }))
  }
}
