import MuniscanCore
import Testing

@testable import MuniscanCrawler

@Suite struct PageSpoolTests {
  @Test func givesBackEveryPageInOrder() {
    let spool = PageSpool()
    let pages = (0..<500).map { index in
      PageFacts(
        url: "https://vald.ee/leht/\(index)", depth: index % 7, title: "Leht \(index) – õun",
        links: (0..<20).map {
          Link(text: "Link \($0)", url: "https://vald.ee/\($0)", region: .nav)
        },
        text: String(repeating: "Vallavalitsuse teade. ", count: 200),
        dates: [Day(year: 2026, month: 1, day: 1 + index % 28)!])
    }
    for page in pages { spool.append(page) }
    #expect(spool.count == 500)
    #expect(spool.pages() == pages)
    spool.append(pages[0])
    #expect(spool.pages() == pages + [pages[0]])
  }

  /// A site among a thousand crawled at once holds its pages in the file, not in a buffer that
  /// waits to fill: every page is written out as it comes.
  @Test func keepsNoPageInMemory() {
    let spool = PageSpool()
    let page = PageFacts(
      url: "https://vald.ee/", depth: 0, title: "Avaleht",
      text: String(repeating: "Vallavalitsuse teade. ", count: 100))
    for _ in 0..<3 {
      spool.append(page)
      #expect(spool.bufferedBytes == 0)
    }
    #expect(spool.pages() == [page, page, page])
  }
}
