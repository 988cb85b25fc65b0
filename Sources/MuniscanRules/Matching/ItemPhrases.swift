/// The phrases several strings (link texts, headings, titles, …) hold, each read in its page's
/// language, indexed by phrase: which items hold each. A phrase cannot run from one item into
/// the next.
struct ItemPhrases {
  /// Items holding each phrase, by the matcher's phrase id, ascending, each once.
  private var itemsByPhrase: [Int: [Int]] = [:]

  /// Reads each item through its page's stems.
  init<S: Sequence>(_ items: S) where S.Element == (text: String, stems: StemCache) {
    var scan = PhraseScan()
    for (item, (text, stems)) in items.enumerated() {
      scan.scan(text, stems: stems) { phrase, _ in
        if itemsByPhrase[phrase]?.last != item { itemsByPhrase[phrase, default: []].append(item) }
      }
    }
  }

  /// Indices of the items holding phrase `id`, ascending, each once.
  func items(matching id: Int) -> [Int] { itemsByPhrase[id] ?? [] }
}
