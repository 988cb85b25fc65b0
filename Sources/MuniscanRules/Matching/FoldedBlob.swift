import MuniscanCore

/// Several strings (link texts, headings, …) folded and stemmed into one byte buffer and
/// scanned once for every phrase of the rule set. Items are kept apart by a byte folding never
/// produces, so a phrase cannot run from one item into the next.
struct FoldedBlob {
  /// Items holding each phrase, by the matcher's phrase id, ascending, each once.
  private var itemsByPhrase: [Int: [Int]] = [:]

  static let separator: UInt8 = 0x01

  /// Folds each item with its own stemming (its page's language), through that page's stems.
  init<S: Sequence>(_ items: S, matcher: PhraseMatcher)
  where S.Element == (text: String, stems: StemCache) {
    var bytes: [UInt8] = []
    var raw: [UInt8] = []
    let keepRaw = matcher.exactAutomaton != nil
    /// Start offset of each item in `bytes` and in `raw`, ascending.
    var starts: [Int] = []
    var rawStarts: [Int] = []
    /// The bit of each item's stemming.
    var bits: [UInt32] = []
    for item in items {
      starts.append(bytes.count)
      bits.append(matcher.bit(of: item.stems.stemming))
      bytes.append(0x20)
      if keepRaw {
        rawStarts.append(raw.count)
        raw.append(0x20)
      }
      item.stems.appendFolded(item.text, stemmed: &bytes, raw: &raw, keepingRaw: keepRaw)
      bytes += [0x20, Self.separator]
      if keepRaw { raw += [0x20, Self.separator] }
    }
    var found: [Int: [Int]] = [:]
    matcher.forEachOccurrence(
      stemmed: bytes, raw: raw, stemming: { bits[Self.index(containing: $0, in: starts)] }
    ) { phrase, start, inRaw in
      let item = Self.index(containing: start, in: inRaw ? rawStarts : starts)
      if found[phrase]?.last != item { found[phrase, default: []].append(item) }
    }
    // Exact phrases were found after the others: keep each phrase's items ascending.
    itemsByPhrase = keepRaw ? found.mapValues { Array(Set($0)).sorted() } : found
  }

  /// Indices of the items holding phrase `id`, ascending, each once.
  func items(matching id: Int) -> [Int] { itemsByPhrase[id] ?? [] }

  private static func index(containing offset: Int, in starts: [Int]) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }
}
