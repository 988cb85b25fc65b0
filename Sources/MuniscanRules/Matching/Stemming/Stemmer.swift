/// Reduces a folded word (see `TextNormalizer`) to the stem its inflected forms share, so that a
/// rule phrase written in one form finds the others. Rule phrases and page text go through the
/// same stemmer; a stem only has to be the same for a word's forms, not a dictionary word.
public protocol Stemmer: Sendable {
  /// Rewrites `word`, the folded UTF-8 bytes of one word, to its stem.
  func stem(_ word: inout [UInt8])
}

/// The stemmers a rule set can name by language code.
public enum Stemmers {
  /// The stemmer for an ISO 639-1 language code (`et`, `en`, `ru`), nil for a language without one.
  public static func stemmer(for language: String) -> (any Stemmer)? {
    switch language {
    case "et": SuffixStemmer.estonian
    case "en": SuffixStemmer.english
    case "ru": SuffixStemmer.russian
    default: nil
    }
  }

  /// Languages whose stemmer is for Cyrillic words: on a page in any language, Cyrillic words
  /// go to it and other words to the page language's.
  public static let cyrillic: Set<String> = ["ru"]
}
