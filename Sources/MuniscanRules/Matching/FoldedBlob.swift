import MuniscanCore

/// Several strings (link texts, headings, …) folded into one byte buffer and scanned once for
/// every phrase of the rule set. Items are kept apart by a byte folding never produces, so a
/// phrase cannot run from one item into the next.
struct FoldedBlob {
  private var bytes: [UInt8] = []
  /// Start offset of each item, ascending.
  private var starts: [Int] = []
  /// Start offsets of each phrase found, by the matcher's phrase id.
  private var matches: [Int: [Int]] = [:]

  static let separator: UInt8 = 0x01

  init<S: Sequence>(_ items: S, matcher: PhraseMatcher) where S.Element == String {
    for item in items {
      starts.append(bytes.count)
      bytes.append(0x20)
      TextNormalizer.forEachFoldedByte(in: item) { byte, _ in bytes.append(byte) }
      bytes.append(0x20)
      bytes.append(Self.separator)
    }
    matches = matcher.scan(bytes)
  }

  /// Indices of the items holding phrase `id`, ascending, each once.
  func items(matching id: Int) -> [Int] {
    var result: [Int] = []
    for offset in matches[id] ?? [] {
      let item = itemIndex(containing: offset)
      if result.last != item { result.append(item) }
    }
    return result
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
