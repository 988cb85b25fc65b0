import Foundation
import MuniscanPCRE

/// Regular expressions of a rule set compiled once (PCRE2, case-insensitive) and shared by every
/// page and site, looked up by index, each with the literals its matches must contain (see
/// ``RequiredLiterals``).
final class CompiledPatterns: Sendable {
  private let expressions: [PCRE2Pattern?]
  private let literals: [RequiredLiterals?]
  private let indices: [String: Int]

  init(_ sources: Set<String>) {
    let sorted = sources.sorted()
    expressions = sorted.map { try? PCRE2Pattern($0, caseless: true) }
    literals = sorted.map(RequiredLiterals.init(pattern:))
    indices = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
  }

  /// Why a rule file's pattern does not compile as every pattern is run (PCRE2,
  /// case-insensitive), or nil when it does. A pattern that ICU, the engine of earlier versions,
  /// accepted is said to be one, so a rule set that loaded before knows what to rewrite.
  static func problem(with source: String) -> String? {
    do {
      _ = try PCRE2Pattern(source, caseless: true)
      return nil
    } catch {
      let icu = (try? NSRegularExpression(pattern: source, options: [.caseInsensitive])) != nil
      return "PCRE2: \(error)"
        + (icu ? "; ICU, the engine before PCRE2, accepted it: rewrite it in PCRE2 syntax" : "")
    }
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
    expressions[index]?.firstMatch(in: text)
  }
}
