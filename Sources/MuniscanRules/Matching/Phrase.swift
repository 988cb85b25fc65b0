import MuniscanCore

/// A word or phrase a rule looks for, matched on normalised text (case- and diacritic-insensitive,
/// whole words). A trailing `*` matches any ending, which Estonian inflection needs
/// (`eelarve*` matches eelarve, eelarvet, eelarvest).
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
  /// The phrase as written in the rule file.
  public var source: String
  /// Normalised words joined by single spaces, without the `*`.
  public var normalized: String
  public var isPrefix: Bool
  /// FNV-1a of the folded bytes and the prefix flag: phrases are looked up for every page, and
  /// hashing a String normalises it each time.
  private let key: UInt64

  /// Parses a phrase; nil when it has no letters or digits.
  public init?(_ source: String) {
    let trimmed = source.trimmingCharacters(in: .whitespaces)
    let isPrefix = trimmed.hasSuffix("*")
    let body = isPrefix ? String(trimmed.dropLast()) : trimmed
    let normalized = TextNormalizer.normalize(body)
    guard !normalized.isEmpty else { return nil }
    self.source = source
    self.normalized = normalized
    self.isPrefix = isPrefix
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in normalized.utf8 + [isPrefix ? 1 : 0] {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    key = hash
  }

  public static func == (lhs: Phrase, rhs: Phrase) -> Bool {
    lhs.key == rhs.key && lhs.isPrefix == rhs.isPrefix && lhs.normalized == rhs.normalized
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(key) }

  public var description: String { source }
}
