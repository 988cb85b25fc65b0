import Glibc
import MuniscanCore
import MuniscanRules

/// Several strings (link texts, headings, …) folded into one searchable byte buffer, so a
/// phrase is looked for with one `memmem` per page rather than once per item. Items are kept
/// apart by a byte folding never produces, so a phrase cannot run from one item into the next.
struct FoldedBlob {
  private(set) var bytes: [UInt8] = []
  /// Start offset of each item, ascending.
  private(set) var starts: [Int] = []
  /// For single-item blobs of body text: folded word starts mapped to original UTF-8 offsets.
  private(set) var wordStarts: [(folded: Int, original: Int)] = []

  static let separator: UInt8 = 0x01

  init<S: Sequence>(_ items: S) where S.Element == String {
    for item in items { append(item) }
  }

  /// A blob of one long text whose matches can be shown as snippets of the original.
  init(text: String) {
    var folded = FoldedText(capacity: text.utf8.count)
    folded.append(text, trackWords: true)
    starts = [0]
    bytes = [0x20] + Array(folded.string.utf8) + [0x20, Self.separator]
    wordStarts = folded.wordStarts
  }

  private mutating func append(_ item: String) {
    starts.append(bytes.count)
    bytes.append(0x20)
    bytes.append(contentsOf: TextNormalizer.normalize(item).utf8)
    bytes.append(0x20)
    bytes.append(Self.separator)
  }

  var count: Int { starts.count }

  /// Indices of the items holding `phrase`, ascending, each once.
  func items(matching phrase: Phrase) -> [Int] {
    var result: [Int] = []
    forEachMatch(of: phrase) { offset in
      let item = itemIndex(containing: offset)
      if result.last != item { result.append(item) }
    }
    return result
  }

  /// Offset of the first match in the blob, or nil.
  func firstMatch(of phrase: Phrase) -> Int? {
    var first: Int?
    forEachMatch(of: phrase) { offset in
      if first == nil { first = offset }
    }
    return first
  }

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

  /// Calls `body` with the blob offset of every occurrence of the phrase (at the space before
  /// its first word). Scans with `memchr` for the phrase's first letter, then `memcmp`.
  private func forEachMatch(of phrase: Phrase, _ body: (Int) -> Void) {
    var needle: [UInt8] = [0x20]
    needle.append(contentsOf: phrase.normalized.utf8)
    if !phrase.isPrefix { needle.append(0x20) }
    bytes.withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { pattern in
        guard let base = haystack.baseAddress, haystack.count >= pattern.count else { return }
        let first = Int32(pattern[1])
        var from = 1
        let last = haystack.count - pattern.count + 1
        while from <= last {
          guard let hit = memchr(base + from, first, last - from + 1) else { return }
          let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - 1
          if base[offset] == 0x20, memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 {
            body(offset)
          }
          from = offset + 2
        }
      }
    }
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
