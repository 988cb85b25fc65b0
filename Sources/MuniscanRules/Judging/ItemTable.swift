import MuniscanCore

/// The distinct items of one kind (links, documents, headings) across a site's pages, each
/// read for phrases once however many pages repeat it: a site's menus and footers
/// are on every page. A class: every rule asks the site for its tables, and a struct of four
/// arrays was copied at each ask, a retain and release per array.
final class ItemTable<Item: ItemKeyed> {
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
      for position in pageItems.indices {
        let id: Int32
        if let known = Self.repeated(pageItems, at: position, before: before, items: items) {
          id = known
        } else {
          // One lookup that finds the item or numbers it next.
          id = Self.id(in: &ids[pageItems[position].itemKey, default: -1], next: items.count)
          if id == items.count {
            items.append(pageItems[position])
            stems.append(page.stems)
            pagesByItem.append([])
          }
        }
        if pagesByItem[Int(id)].last != page32 { pagesByItem[Int(id)].append(page32) }
        onPage.append(id)
      }
      idsByPage.append(onPage)
    }
    self.items = items
    self.pagesByItem = pagesByItem
    self.idsByPage = idsByPage
    phrases = ItemPhrases(zip(items, stems).map { (text: text($0), stems: $1) })
  }

  /// The id in `slot`, which is -1 when the key is new: then `next`, kept there.
  private static func id(in slot: inout Int32, next: Int) -> Int32 {
    if slot < 0 { slot = Int32(next) }
    return slot
  }

  /// The id of the item in the same place on the page before (`before`, its ids in order),
  /// counted from the start or from the end of the page's items, when it has the same key as
  /// item `position` of `pageItems`. Pages repeat their menus and footers in order, so this is
  /// most often the item, and comparing one item in place costs less than making its key and
  /// hashing it.
  @inline(__always)
  private static func repeated(
    _ pageItems: [Item], at position: Int, before: [Int32], items: [Item]
  ) -> Int32? {
    if position < before.count, pageItems[position].hasSameKey(as: items[Int(before[position])]) {
      return before[position]
    }
    let fromEnd = before.count - (pageItems.count - position)
    if fromEnd >= 0, pageItems[position].hasSameKey(as: items[Int(before[fromEnd])]) {
      return before[fromEnd]
    }
    return nil
  }
}
