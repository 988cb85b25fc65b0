import Foundation

/// Regular expressions of a rule set compiled once and shared by every page and site, looked up
/// by index. `NSRegularExpression` is immutable and documented as safe to use from several
/// threads.
final class CompiledPatterns: @unchecked Sendable {
  private let expressions: [NSRegularExpression?]
  private let indices: [String: Int]

  init(_ sources: Set<String>) {
    let sorted = sources.sorted()
    expressions = sorted.map { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
    indices = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
  }

  /// The index of a pattern the set was made with.
  func index(of source: String) -> Int {
    guard let index = indices[source] else {
      preconditionFailure("pattern \(source) missing from the rule set's patterns")
    }
    return index
  }

  /// The first match of pattern `index` in `text`, or nil.
  func firstMatch(_ index: Int, in text: String) -> Range<String.Index>? {
    guard let regex = expressions[index] else { return nil }
    let range = NSRange(text.startIndex..., in: text)
    guard let match = regex.firstMatch(in: text, options: [], range: range) else { return nil }
    return Range(match.range, in: text)
  }
}
