/// A page text read for phrases, kept so that the next page's text, which most often begins as
/// this one does (the site's header, menu and breadcrumbs before the page's own words), is read
/// only from the last word before which both are the same and no phrase was half read: the
/// phrases found before that word are this text's, at the same offsets.
struct ScannedText {
  let text: String
  /// The phrase occurrences found, in the order found: phrase id and the UTF-8 offset of the
  /// word each begins at.
  var found: [(phrase: Int32, offset: Int32)] = []
  /// Offsets of the words before which no phrase was begun and unfinished, ascending, each with
  /// how many occurrences had been found before it.
  private var points: [(offset: Int32, found: Int32)] = []

  init(text: String) { self.text = text }

  /// Notes that a word begins at `offset` with no phrase half read before it.
  mutating func resumable(at offset: Int) {
    points.append((Int32(truncatingIfNeeded: offset), Int32(truncatingIfNeeded: found.count)))
  }

  /// Takes over what `last` found before the last of its resumable words that this text
  /// shares all the bytes before (its occurrences and resumable words up to there), and gives
  /// the offset to read on from; 0 when they share none.
  mutating func resume(after last: ScannedText?) -> Int {
    guard let last else { return 0 }
    let common = Self.commonPrefix(last.text, text)
    // The last point at or before the first byte that differs.
    var low = 0
    var high = last.points.count
    while low < high {
      let middle = (low + high) / 2
      if Int(last.points[middle].offset) <= common { low = middle + 1 } else { high = middle }
    }
    guard low > 0 else { return 0 }
    let point = last.points[low - 1]
    found = Array(last.found[..<Int(point.found)])
    points = Array(last.points[..<(low - 1)])
    return Int(point.offset)
  }

  /// How many leading UTF-8 bytes two texts share.
  private static func commonPrefix(_ first: String, _ second: String) -> Int {
    let shared =
      first.utf8.withContiguousStorageIfAvailable { first in
        second.utf8.withContiguousStorageIfAvailable { second in
          let count = min(first.count, second.count)
          var index = 0
          while index < count, first[index] == second[index] { index += 1 }
          return index
        }
      } ?? nil
    return shared ?? zip(first.utf8, second.utf8).prefix { $0 == $1 }.count
  }
}
