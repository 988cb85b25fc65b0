import Foundation

/// Regular expressions of a rule set compiled once and shared by every page and site, looked up
/// by index, each with the literals its matches must contain (see ``RequiredLiterals``).
/// `NSRegularExpression` is immutable and documented as safe to use from several threads.
final class CompiledPatterns: @unchecked Sendable {
  private let expressions: [NSRegularExpression?]
  private let literals: [RequiredLiterals?]
  private let indices: [String: Int]

  init(_ sources: Set<String>) {
    let sorted = sources.sorted()
    expressions = sorted.map { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
    literals = sorted.map(RequiredLiterals.init(pattern:))
    indices = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
  }

  /// Whether a rule file's pattern compiles as every pattern is run (case-insensitive).
  static func isValid(_ source: String) -> Bool {
    (try? NSRegularExpression(pattern: source, options: [.caseInsensitive])) != nil
  }

  /// The index of a pattern the set was made with.
  func index(of source: String) -> Int {
    guard let index = indices[source] else {
      preconditionFailure("pattern \(source) missing from the rule set's patterns")
    }
    return index
  }

  /// Whether pattern `index` matches somewhere in `text` (a URL).
  func matches(_ index: Int, in text: String) -> Bool {
    if let literals = literals[index] {
      let found = literals.occur(in: RequiredLiterals.lowercased(text))
      if !found || literals.isExact { return found }
    }
    return firstMatch(index, in: text) != nil
  }

  /// The first match of pattern `index` in `text`, or nil; `lowercased` gives the text as
  /// ``RequiredLiterals/lowercased(_:)`` makes it, asked for only when the pattern has literals.
  func firstMatch(
    _ index: Int, in text: String, lowercased: () -> [UInt8]
  ) -> Range<String.Index>? {
    if let literals = literals[index], !literals.occur(in: lowercased()) { return nil }
    return firstMatch(index, in: text)
  }

  private func firstMatch(_ index: Int, in text: String) -> Range<String.Index>? {
    guard let regex = expressions[index] else { return nil }
    let range = NSRange(text.startIndex..., in: text)
    guard let match = regex.firstMatch(in: text, options: [], range: range) else { return nil }
    return Range(match.range, in: text)
  }
}
