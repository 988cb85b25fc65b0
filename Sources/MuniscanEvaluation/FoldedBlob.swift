import MuniscanCore

/// Several strings (link texts, headings, …) folded into one byte buffer and scanned once for
/// every phrase of the rule set. Items are kept apart by a byte folding never produces, so a
/// phrase cannot run from one item into the next.
struct FoldedBlob {
  private(set) var bytes: [UInt8] = []
  /// Start offset of each item, ascending.
  private(set) var starts: [Int] = []
  /// For single-item blobs of body text: folded word starts mapped to original UTF-8 offsets.
  private(set) var wordStarts: [(folded: Int, original: Int)] = []
  /// Start offsets of each phrase found, by the matcher's phrase id.
  private var matches: [Int: [Int]] = [:]

  static let separator: UInt8 = 0x01

  init<S: Sequence>(_ items: S, matcher: PhraseMatcher) where S.Element == String {
    for item in items {
      starts.append(bytes.count)
      var folded = FoldedText(capacity: item.utf8.count)
      folded.append(item)
      bytes.append(0x20)
      bytes.append(contentsOf: folded.bytes)
      bytes.append(0x20)
      bytes.append(Self.separator)
    }
    matches = matcher.scan(bytes)
  }

  /// A blob of one long text whose matches can be shown as snippets of the original.
  init(text: String, matcher: PhraseMatcher) {
    var folded = FoldedText(capacity: text.utf8.count)
    folded.append(text, trackWords: true)
    starts = [0]
    bytes = [0x20] + folded.bytes + [0x20, Self.separator]
    wordStarts = folded.wordStarts
    matches = matcher.scan(bytes)
  }

  var count: Int { starts.count }

  /// Indices of the items holding phrase `id`, ascending, each once.
  func items(matching id: Int) -> [Int] {
    var result: [Int] = []
    for offset in matches[id] ?? [] {
      let item = itemIndex(containing: offset)
      if result.last != item { result.append(item) }
    }
    return result
  }

  /// Offset of the first match of phrase `id` in the blob, or nil.
  func firstMatch(of id: Int) -> Int? { matches[id]?.first }

  /// The original UTF-8 offset of the word a match (at a blob offset) starts with.
  func originalOffset(ofMatchAt offset: Int) -> Int? {
    let folded = offset  // blob offset of the leading space == folded offset of the word
    var low = 0
    var high = wordStarts.count - 1
    while low <= high {
      let mid = (low + high) / 2
      if wordStarts[mid].folded == folded { return wordStarts[mid].original }
      if wordStarts[mid].folded < folded { low = mid + 1 } else { high = mid - 1 }
    }
    return nil
  }

  private func itemIndex(containing offset: Int) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }
}
