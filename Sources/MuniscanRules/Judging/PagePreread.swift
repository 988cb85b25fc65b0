import MuniscanCore

/// What the rules read in one page's visible text first — where each phrase first occurs and
/// how often, and the first match of each pattern run on text — read in the task that analysed
/// the page, while its site is still being crawled and the processors wait on politeness, so
/// that judging the site when its crawl ends finds them read. Kept as bytes beside the page's
/// facts (a crawl spools them) and read by the evaluator that wrote them, in the same run:
/// phrase and pattern numbers are its plan's. Statement sentences are left to judging: most
/// pages are never read for them (a rule decides before), and reading every page for them
/// cost more than all that is read here.
struct PagePreread: Equatable {
  var phrases: [Int: TextOccurrence]
  /// Each text pattern of the plan with its first match (UTF-8 offsets), nil when none.
  var matches: [Pattern]

  struct Pattern: Equatable {
    var pattern: Int
    var match: Range<Int>?
  }

  /// Reads `page` as judging would: every phrase, every pattern `plan` runs on text.
  init(reading page: IndexedPage, plan: EvaluationPlan) {
    let utf8 = page.facts.text.utf8
    phrases = page.textOccurrences
    matches = plan.textPatterns.map { pattern in
      let match = page.firstTextMatch(pattern, in: plan.patterns).map { range in
        let start = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
        return start..<(start + utf8.distance(from: range.lowerBound, to: range.upperBound))
      }
      return Pattern(pattern: pattern, match: match)
    }
  }

  /// The reading as bytes: phrases by id, then patterns, each number a ``BinaryWriter`` int.
  var bytes: [UInt8] {
    var bytes: [UInt8] = []
    BinaryWriter.append(to: &bytes) { writer in
      writer.int(phrases.count)
      for (phrase, occurrence) in phrases.sorted(by: { $0.key < $1.key }) {
        writer.int(phrase)
        writer.int(occurrence.first)
        writer.int(occurrence.count)
      }
      writer.int(matches.count)
      for pattern in matches {
        writer.int(pattern.pattern)
        // A match's start, or -1 for none, then its length.
        writer.int(pattern.match?.lowerBound ?? -1)
        if let match = pattern.match { writer.int(match.count) }
      }
    }
    return bytes
  }

  /// What `bytes` say of a page whose text has `textLength` UTF-8 bytes; nil when they are not
  /// such a reading (every offset must lie in the text), and the page is then read when judged.
  init?(bytes: [UInt8], textLength: Int) {
    var reader = BinaryReader(bytes: bytes, offset: 0)
    do throws(BinaryReader.Failure) {
      let phraseCount = try reader.int()
      guard (0...bytes.count).contains(phraseCount) else { return nil }
      phrases = Dictionary(minimumCapacity: phraseCount)
      for _ in 0..<phraseCount {
        let phrase = try reader.int()
        let first = try reader.int()
        let count = try reader.int()
        guard (0..<textLength).contains(first), count > 0 else { return nil }
        phrases[phrase] = TextOccurrence(first: first, count: count)
      }
      let patternCount = try reader.int()
      guard (0...bytes.count).contains(patternCount) else { return nil }
      matches = []
      matches.reserveCapacity(patternCount)
      for _ in 0..<patternCount {
        let pattern = try reader.int()
        let start = try reader.int()
        guard start != -1 else {
          matches.append(Pattern(pattern: pattern, match: nil))
          continue
        }
        let length = try reader.int()
        guard start >= 0, length >= 0, start <= textLength - length else { return nil }
        matches.append(Pattern(pattern: pattern, match: start..<(start + length)))
      }
    } catch {
      return nil
    }
    guard reader.offset == bytes.count else { return nil }
  }
}
