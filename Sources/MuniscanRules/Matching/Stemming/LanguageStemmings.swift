/// The stemmings a rule set's languages (`languages:` in ruleset.yml) give, and which one a page
/// gets from its `lang`: Latin words by the page's language (the rule set's first when the page
/// names none or another), Cyrillic words by the rule set's Cyrillic language, or as Russian when
/// it declares none (Estonian sites have Russian pages without a Russian rule-set language).
struct LanguageStemmings: Sendable {
  /// Stemming by declared language code.
  private let byLanguage: [String: Stemming]
  /// For pages in no declared language.
  let fallback: Stemming
  /// Every distinct stemming, fallback first: what rule phrases are stemmed with.
  let all: [Stemming]

  /// Languages in order of preference; those without a stemmer are left out.
  init(languages: [String]) {
    let usable = languages.filter { Stemmers.stemmer(for: $0) != nil }
    let cyrillic = usable.first { Stemmers.cyrillic.contains($0) } ?? "ru"
    let latin = usable.filter { !Stemmers.cyrillic.contains($0) }
    fallback = Stemming(latin: latin.first, cyrillic: cyrillic)
    var byLanguage: [String: Stemming] = [:]
    var all = [fallback]
    for language in latin {
      let stemming = Stemming(latin: language, cyrillic: cyrillic)
      byLanguage[language] = stemming
      if !all.contains(stemming) { all.append(stemming) }
    }
    self.byLanguage = byLanguage
    self.all = all
  }

  /// The stemming for a page whose `html` element has `lang` (`et`, `en-GB`, …).
  func stemming(forPageLanguage lang: String?) -> Stemming {
    guard let lang else { return fallback }
    let primary = lang.prefix { $0 != "-" && $0 != "_" }.lowercased()
    return byLanguage[primary] ?? fallback
  }
}
