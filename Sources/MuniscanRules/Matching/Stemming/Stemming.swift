import MuniscanCore

/// How the words of one page (or one rule phrase) are stemmed: Cyrillic words by the Cyrillic
/// language's stemmer, other words by the page language's. Pages are stemmed through a site's
/// ``StemCache``, which folds text as `TextNormalizer` does and hands on each word stemmed.
struct Stemming: Sendable, Hashable {
  /// Language codes of the stemmers, for equality: the same codes stem the same way.
  let latinCode: String?
  let cyrillicCode: String?
  private let latin: (any Stemmer)?
  private let cyrillic: (any Stemmer)?

  /// No stemming: words as folded.
  static let none = Stemming(latin: nil, cyrillic: nil)

  init(latin: String?, cyrillic: String?) {
    latinCode = latin
    cyrillicCode = cyrillic
    self.latin = latin.flatMap(Stemmers.stemmer(for:))
    self.cyrillic = cyrillic.flatMap(Stemmers.stemmer(for:))
  }

  static func == (lhs: Stemming, rhs: Stemming) -> Bool {
    lhs.latinCode == rhs.latinCode && lhs.cyrillicCode == rhs.cyrillicCode
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(latinCode)
    hasher.combine(cyrillicCode)
  }

  /// Stems one folded word in place.
  @inline(__always)
  func stem(_ word: inout [UInt8]) {
    guard let first = word.first else { return }
    // Lead bytes 0xD0–0xD3 begin the Cyrillic block U+0400–U+04FF.
    if first >= 0xD0 && first <= 0xD3 {
      cyrillic?.stem(&word)
    } else {
      latin?.stem(&word)
    }
  }

  /// The stemmed form of folded words separated by single spaces.
  func stemWords(_ folded: String) -> String {
    var word: [UInt8] = []
    var result: [UInt8] = []
    for part in folded.utf8.split(separator: 0x20) {
      word.removeAll(keepingCapacity: true)
      word.append(contentsOf: part)
      stem(&word)
      if !result.isEmpty { result.append(0x20) }
      result.append(contentsOf: word)
    }
    return String(decoding: result, as: UTF8.self)
  }
}
