import Foundation

/// Regular expressions of a rule set compiled once and shared by every page and site.
/// `NSRegularExpression` is immutable and documented as safe to use from several threads.
final class CompiledPatterns: @unchecked Sendable {
  private let patterns: [String: NSRegularExpression]

  init(_ sources: Set<String>) {
    var patterns: [String: NSRegularExpression] = [:]
    for source in sources {
      patterns[source] = try? NSRegularExpression(pattern: source, options: [.caseInsensitive])
    }
    self.patterns = patterns
  }

  /// The first match of `pattern` in `text`, or nil.
  func firstMatch(_ pattern: String, in text: String) -> Range<String.Index>? {
    guard let regex = patterns[pattern] else { return nil }
    let range = NSRange(text.startIndex..., in: text)
    guard let match = regex.firstMatch(in: text, options: [], range: range) else { return nil }
    return Range(match.range, in: text)
  }
}
