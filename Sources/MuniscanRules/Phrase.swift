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
  }

  public var description: String { source }
}
