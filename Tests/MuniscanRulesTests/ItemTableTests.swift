import MuniscanCore
import Testing

@testable import MuniscanRules

/// A site's item table numbers each distinct item once, however its pages repeat it: looking a
/// page's items up in the page before first (menus and footers in order) must give exactly the
/// ids that looking every item up by its key gives.
@Suite struct ItemTableTests {
  let stemming = Stemming(latin: "et", cyrillic: "ru")
  let matcher = PhraseMatcher(phrases: [], stemmings: [Stemming(latin: "et", cyrillic: "ru")])

  /// Ids by key alone, in order of first appearance, as the table made them before.
  private func reference(_ pages: [[Link]]) -> (ids: [[Int32]], pages: [[Int32]]) {
    var ids: [Link.ItemKey: Int32] = [:]
    var pagesByItem: [[Int32]] = []
    var idsByPage: [[Int32]] = []
    for (index, links) in pages.enumerated() {
      idsByPage.append(
        links.map { link in
          if let known = ids[link.itemKey] {
            if pagesByItem[Int(known)].last != Int32(index) {
              pagesByItem[Int(known)].append(Int32(index))
            }
            return known
          }
          ids[link.itemKey] = Int32(pagesByItem.count)
          pagesByItem.append([Int32(index)])
          return Int32(pagesByItem.count - 1)
        })
    }
    return (idsByPage, pagesByItem)
  }

  @Test func idsAreThoseOfTheKeysAlone() {
    let menu = (0..<12).map {
      Link(text: "Menüü \($0)", url: "https://vald.ee/m\($0)", region: .nav)
    }
    let footer = (0..<5).map {
      Link(text: "Jalus \($0)", url: "https://vald.ee/j\($0)", region: .footer)
    }
    let content = (0..<40).map {
      Link(
        text: "Lugu \($0 % 20)", url: "https://vald.ee/l\($0 % 25)",
        region: $0 % 3 == 0 ? .main : .body, context: $0 % 7 == 0 ? "2026" : nil)
    }
    for _ in 0..<200 {
      // Pages of a menu (sometimes cut short or reordered), content links repeated within and
      // across pages, and a footer; now and then an empty page.
      let pages = (0..<Int.random(in: 1...12)).map { _ -> [Link] in
        guard Int.random(in: 0..<10) > 0 else { return [] }
        var page = Array(menu.prefix(Int.random(in: 8...12)))
        if Bool.random() { page.shuffle() }
        page += (0..<Int.random(in: 0...15)).map { _ in content.randomElement()! }
        return page + (Bool.random() ? footer : footer.reversed())
      }
      let indexed = pages.enumerated().map { index, links in
        IndexedPage(
          PageFacts(url: "https://vald.ee/\(index)", links: links), index: index,
          stems: StemCache(stemming, matcher: matcher))
      }
      let table = ItemTable(pages: indexed, items: \.links, text: \.text)
      let expected = reference(pages)
      #expect(table.idsByPage == expected.ids)
      #expect(table.pagesByItem == expected.pages)
      var seen: Set<Link.ItemKey> = []
      let firstAppearances = pages.joined().map(\.itemKey).filter { seen.insert($0).inserted }
      #expect(table.items.map(\.itemKey) == firstAppearances)
    }
  }
}
