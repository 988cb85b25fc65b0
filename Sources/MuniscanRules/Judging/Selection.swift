/// Which distinct items of a site pass one item check, and which pages hold at least one: the
/// answer a site keeps in the check's slot.
struct Selection {
  /// Per item id: the index of the first of the check's phrases the item holds (0 when the
  /// check has no phrases), or `Int32.max` when the item fails the check.
  var ranks: [Int32]
  /// Per page index: whether the page holds a passing item.
  var pages: [Bool]

  static let fails = Int32.max

  /// Ranks for `count` items, each the index of the first phrase whose items (`matching`)
  /// include it; every item passes with rank 0 when there are no phrases.
  static func ranks(count: Int, phrases: [Int], matching: (Int) -> [Int]) -> [Int32] {
    guard !phrases.isEmpty else { return Array(repeating: 0, count: count) }
    var ranks = [Int32](repeating: fails, count: count)
    for (rank, phrase) in phrases.enumerated().reversed() {
      for item in matching(phrase) { ranks[item] = Int32(rank) }
    }
    return ranks
  }

  /// Fails every item that holds one of the phrases `except` (their items by `matching`): what a
  /// check must not see in an item's own words, such as a draft (eelnõu) for an adopted act.
  static func exclude(_ ranks: inout [Int32], except: [Int], matching: (Int) -> [Int]) {
    for phrase in except {
      for item in matching(phrase) { ranks[item] = fails }
    }
  }

  /// The selection of items whose rank is not `fails`, with the pages that hold them.
  init<Item>(ranks: [Int32], in table: ItemTable<Item>, pageCount: Int) {
    self.ranks = ranks
    pages = Array(repeating: false, count: pageCount)
    for (item, rank) in ranks.enumerated() where rank != Self.fails {
      for page in table.pagesByItem[item] { pages[Int(page)] = true }
    }
  }

  /// A selection of whole pages (for titles), every page's rank being its item's.
  init(pageRanks: [Int32]) {
    ranks = pageRanks
    pages = pageRanks.map { $0 != Self.fails }
  }
}
