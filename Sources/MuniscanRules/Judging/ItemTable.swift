import MuniscanCore

/// The distinct items of one kind (links, documents, headings) across a site's pages, each
/// read for phrases once however many pages repeat it: a site's menus and footers
/// are on every page.
struct ItemTable<Item: ItemKeyed> {
  /// The distinct items, by id, in order of first appearance.
  let items: [Item]
  /// The phrases the items' texts hold, item `id` being item `id` there.
  let phrases: ItemPhrases
  /// Per page, the ids of its items in page order (repeats kept).
  let idsByPage: [[Int32]]
  /// Per item, the pages that hold it, ascending, each once.
  let pagesByItem: [[Int32]]

  init(
    pages: [IndexedPage], items itemsOf: (PageFacts) -> [Item],
    text: (Item) -> String
  ) {
    var ids: [Item.ItemKey: Int32] = [:]
    var items: [Item] = []
    /// The key of each item, by id.
    var keys: [Item.ItemKey] = []
    var pagesByItem: [[Int32]] = []
    /// Each item is stemmed in the language of the first page that holds it.
    var stems: [StemCache] = []
    var idsByPage: [[Int32]] = []
    idsByPage.reserveCapacity(pages.count)
    for (pageIndex, page) in pages.enumerated() {
      let page32 = Int32(pageIndex)
      let pageItems = itemsOf(page.facts)
      let before = idsByPage.last ?? []
      var onPage: [Int32] = []
      onPage.reserveCapacity(pageItems.count)
      for (position, item) in pageItems.enumerated() {
        let id: Int32
        let key = item.itemKey
        if let known = Self.repeated(
          key, at: position, of: pageItems.count, before: before, keys: keys) ?? ids[key]
        {
          id = known
          if pagesByItem[Int(id)].last != page32 { pagesByItem[Int(id)].append(page32) }
        } else {
          id = Int32(items.count)
          ids[key] = id
          items.append(item)
          keys.append(key)
          stems.append(page.stems)
          pagesByItem.append([page32])
        }
        onPage.append(id)
      }
      idsByPage.append(onPage)
    }
    self.items = items
    self.pagesByItem = pagesByItem
    self.idsByPage = idsByPage
    phrases = ItemPhrases(zip(items, stems).map { (text: text($0), stems: $1) })
  }

  /// The id of the item in the same place on the page before (`before`, its ids in order),
  /// counted from the start or from the end of a page of `count` items, when that item's key is
  /// `key`. Pages repeat their menus and footers in order, so this is most often the item, and
  /// comparing one key costs less than hashing it.
  private static func repeated(
    _ key: Item.ItemKey, at position: Int, of count: Int, before: [Int32], keys: [Item.ItemKey]
  ) -> Int32? {
    if position < before.count, keys[Int(before[position])] == key { return before[position] }
    let fromEnd = before.count - (count - position)
    if fromEnd >= 0, keys[Int(before[fromEnd])] == key { return before[fromEnd] }
    return nil
  }
}
