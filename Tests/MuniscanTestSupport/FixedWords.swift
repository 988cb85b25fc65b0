import Foundation
import MuniscanCore

/// The fixed words of one report language that another says differently, as regular
/// expressions, so a test can scan a report for words left in the wrong language.
public enum FixedWords {
  /// Patterns of the fixed words of `words` that `other` says differently: every word, status,
  /// band and evidence kind as a whole word, the counting templates with numbers in their
  /// places, and the words between the values of every reason.
  public static func patterns(of words: ReportWords, besides other: ReportWords) -> [String] {
    let otherKinds = Set(Evidence.kinds.map(other.evidenceKind))
    let texts =
      ReportWord.allCases.map { words[$0] } + FindingStatus.allCases.map(words.status)
      + Band.allCases.map(words.band)
      + Evidence.kinds.map(words.evidenceKind).filter { !otherKinds.contains($0) }
      + Reason.Code.templated.flatMap { code in
        // The words between a reason's values, where they are words of some length.
        let marked = Dictionary(uniqueKeysWithValues: code.placeholders.map { ($0, "\u{1}") })
        return words.reason(Reason(code, marked)).components(separatedBy: "\u{1}")
          .map { $0.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) }
          .filter { $0.count >= 5 }
      }
    let templates = [words.passCount(0, of: 0), words.rankOf(0, 0)]
    return texts.map { #"(?<!\w)"# + NSRegularExpression.escapedPattern(for: $0) + #"(?!\w)"# }
      + templates.map {
        NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: "0", with: #"\d+"#)
      }
  }

  /// The patterns of `patterns` found in `text`.
  public static func found(_ patterns: [String], in text: String) -> [String] {
    patterns.filter { text.range(of: $0, options: .regularExpression) != nil }
  }
}
