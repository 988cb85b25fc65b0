import MuniscanCore

/// A word or phrase a rule looks for, matched on normalised text (case- and diacritic-insensitive,
/// whole words) in the page's language: each word finds its case forms (the page's words and
/// the phrase's are stemmed alike: `toetus` finds toetuse, toetust; `toetused` finds toetuste),
/// A leading `*` lets the first word also be the end of a compound (`*toetus` finds
/// tegevustoetus). A trailing `*` matches any ending of the words as written, unstemmed
/// (`eelarve*` finds eelarvestrateegia). A leading `=` asks for the words exactly as written,
/// where stemming would find too much.
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
  /// The phrase as written in the rule file.
  public var source: String
  /// Normalised words joined by single spaces, without the `=` and `*`.
  public var normalized: String
  public var isPrefix: Bool
  public var isExact: Bool
  /// Whether the first word may be the last member of a compound (a leading `*`).
  public var isCompound: Bool
  /// FNV-1a of the folded bytes and the flags: phrases are looked up for every page, and
  /// hashing a String normalises it each time.
  private let key: UInt64

  /// Parses a phrase; nil when it has no letters or digits.
  public init?(_ source: String) {
    var body = source.trimmingCharacters(in: .whitespaces)
    let isExact = body.hasPrefix("=")
    if isExact { body.removeFirst() }
    let isCompound = !isExact && body.hasPrefix("*")
    if isCompound { body.removeFirst() }
    let isPrefix = body.hasSuffix("*")
    if isPrefix { body.removeLast() }
    let normalized = TextNormalizer.normalize(body)
    guard !normalized.isEmpty else { return nil }
    self.source = source
    self.normalized = normalized
    self.isPrefix = isPrefix
    self.isExact = isExact
    self.isCompound = isCompound
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in normalized.utf8 + [(isPrefix ? 1 : 0) | (isExact ? 2 : 0) | (isCompound ? 4 : 0)] {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    key = hash
  }

  public static func == (lhs: Phrase, rhs: Phrase) -> Bool {
    lhs.key == rhs.key && lhs.isPrefix == rhs.isPrefix && lhs.isExact == rhs.isExact
      && lhs.isCompound == rhs.isCompound && lhs.normalized == rhs.normalized
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(key) }

  public var description: String { source }
}
