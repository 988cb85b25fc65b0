import MuniscanCore
import MuniscanRules

/// Chooses the language reports are written in (`--lang`): one the rule set declares and whose
/// language file has report words. Checked before any site is crawled, in one place for every
/// command.
public enum ReportLanguage {
  /// The language chosen when `--lang` is not given and the rule set declares it; otherwise the
  /// rule set's own (first) language.
  public static let preferred: Language = "en"

  /// The report words for `code`, or for the default language when nil, among `languages` (a
  /// rule set's, its own first).
  /// - Throws: ``MuniscanError`` naming the known languages when `code` is not one of them, or a
  ///   language file's error.
  public static func words(_ code: String?, languages: [Language], locales: LocaleLibrary) throws
    -> ReportWords
  {
    var known: [ReportWords] = []
    do {
      for language in languages {
        if let words = try locales.words(for: language) { known.append(words) }
      }
    } catch let error as RuleError {
      throw MuniscanError("\(error)")
    }
    let names = known.map(\.language.code).joined(separator: ", ")
    guard let code else {
      guard let chosen = known.first(where: { $0.language == preferred }) ?? known.first else {
        throw MuniscanError(
          "no report words for the languages \(languages.map(\.code).joined(separator: ", ")) "
            + "in \(locales.folders.joined(separator: ", "))")
      }
      return chosen
    }
    guard let chosen = known.first(where: { $0.language.code == code }) else {
      throw MuniscanError("unknown --lang '\(code)' (known: \(names))")
    }
    return chosen
  }

  /// The languages every area and criterion of `scorecard` is written in, sorted: those its rule
  /// set declared.
  public static func languages(of scorecard: Scorecard) -> [Language] {
    let texts = scorecard.areas.map(\.title) + scorecard.criteria.flatMap { [$0.title, $0.advice] }
    guard let first = texts.first else { return [] }
    return texts.dropFirst().reduce(Set(first.languages)) { $0.intersection($1.languages) }
      .sorted()
  }
}
