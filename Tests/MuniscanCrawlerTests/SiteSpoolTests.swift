import MuniscanCore
import Testing

@testable import MuniscanCrawler

@Suite struct SiteSpoolTests {
  /// On disk or in memory (a crawl replayed to be scored), pages come back as appended.
  @Test(arguments: [PageKeeping.factsOnDisk, .factsInMemory]) func givesBackEveryPageInOrder(
    keeping: PageKeeping
  ) {
    let spool = SiteSpool(keeping)
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
    #expect(spool.contents().pages == pages)
    spool.append(pages[0])
    #expect(spool.contents().pages == pages + [pages[0]])
  }

  /// A site among a thousand crawled at once holds its pages in the file, not in a buffer that
  /// waits to fill: every page is written out as it comes.
  @Test func keepsNoPageInMemory() {
    let spool = SiteSpool(.factsOnDisk)
    let page = PageFacts(
      url: "https://vald.ee/", depth: 0, title: "Avaleht",
      text: String(repeating: "Vallavalitsuse teade. ", count: 100))
    for _ in 0..<3 {
      spool.append(page)
      #expect(spool.bufferedBytes == 0)
    }
    #expect(spool.contents().pages == [page, page, page])
  }

  /// Redirects wait on disk beside the pages (a site of a hundred pages reached through folder
  /// URLs meets a hundred redirects); the last one noted for a URL is the one read back, from
  /// memory too.
  @Test(arguments: [PageKeeping.factsOnDisk, .factsInMemory]) func keepsRedirectsBesidePages(
    keeping: PageKeeping
  ) {
    let spool = SiteSpool(keeping)
    let page = PageFacts(url: "https://vald.ee/volikogu", depth: 1, title: "Volikogu")
    spool.appendRedirect(from: "https://vald.ee/volikogu/", to: "https://vald.ee/volikogu")
    #expect(spool.bufferedBytes == 0)
    spool.append(page)
    spool.appendRedirect(from: "http://vald.ee/", to: "https://vald.ee/")
    spool.appendRedirect(from: "https://vald.ee/õigusaktid/", to: "https://vald.ee/x")
    spool.appendRedirect(from: "https://vald.ee/õigusaktid/", to: "https://vald.ee/õigusaktid")
    #expect(spool.bufferedBytes == 0)
    let contents = spool.contents()
    #expect(contents.pages == [page])
    #expect(
      contents.redirects == [
        "https://vald.ee/volikogu/": "https://vald.ee/volikogu",
        "http://vald.ee/": "https://vald.ee/",
        "https://vald.ee/õigusaktid/": "https://vald.ee/õigusaktid",
      ])
  }
}
