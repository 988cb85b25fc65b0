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

  /// A site among a thousand crawled at once holds at most a block of its pages in memory: a
  /// page's facts larger than a block are written out as they come.
  @Test func keepsNoPageInMemory() {
    let spool = SiteSpool(.factsOnDisk)
    let page = PageFacts(
      url: "https://vald.ee/", depth: 0, title: "Avaleht",
      text: String(repeating: "Vallavalitsuse teade. ", count: 100))
    for _ in 0..<3 {
      spool.append(page)
      #expect(spool.bufferedBytes == 0)
    }
    #expect(spool.hasFile)
    #expect(spool.contents().pages == [page, page, page])
  }

  /// Small records wait until a block fills and are then written together: the buffer never
  /// holds a block, and a site of a few pages makes no file at all.
  @Test func writesABlockAtATime() {
    let spool = SiteSpool(.factsOnDisk)
    var pages: [PageFacts] = []
    var blocksWritten = 0
    for index in 0..<60 {
      let page = PageFacts(url: "https://vald.ee/uudised/\(index)", depth: 1, status: 200)
      let before = spool.bufferedBytes
      spool.append(page)
      pages.append(page)
      #expect(spool.bufferedBytes < SiteSpool.blockBytes)
      if spool.bufferedBytes < before { blocksWritten += 1 }
      if blocksWritten == 0 { #expect(!spool.hasFile) }
    }
    #expect(blocksWritten >= 2)
    #expect(spool.hasFile)
    #expect(spool.contents().pages == pages)
    let small = SiteSpool(.addressesOnly)
    for page in pages.prefix(10) { small.append(page) }
    #expect(!small.hasFile)
    #expect(small.contents().pages == Array(pages.prefix(10)))
  }

  /// A crawl that keeps only addresses judges nothing, so nothing reads its redirects: the
  /// spool keeps none.
  @Test func keepsNoRedirectWithAddressesOnly() {
    let spool = SiteSpool(.addressesOnly)
    spool.appendRedirect(from: "https://vald.ee/volikogu/", to: "https://vald.ee/volikogu")
    #expect(spool.bufferedBytes == 0)
    let page = PageFacts(url: "https://vald.ee/volikogu", depth: 1, title: "Volikogu")
    spool.append(page)
    let contents = spool.contents()
    #expect(contents.pages == [PageFacts(url: page.url, depth: 1, status: page.status)])
    #expect(contents.redirects.isEmpty)
  }

  /// Redirects are spooled beside the pages (a site of a hundred pages reached through folder
  /// URLs meets a hundred redirects); the last one noted for a URL is the one read back, from
  /// memory too.
  @Test(arguments: [PageKeeping.factsOnDisk, .factsInMemory]) func keepsRedirectsBesidePages(
    keeping: PageKeeping
  ) {
    let spool = SiteSpool(keeping)
    let page = PageFacts(url: "https://vald.ee/volikogu", depth: 1, title: "Volikogu")
    spool.appendRedirect(from: "https://vald.ee/volikogu/", to: "https://vald.ee/volikogu")
    spool.append(page)
    spool.appendRedirect(from: "http://vald.ee/", to: "https://vald.ee/")
    spool.appendRedirect(from: "https://vald.ee/õigusaktid/", to: "https://vald.ee/x")
    spool.appendRedirect(from: "https://vald.ee/õigusaktid/", to: "https://vald.ee/õigusaktid")
    for index in 0..<40 {
      spool.appendRedirect(from: "https://vald.ee/\(index)/", to: "https://vald.ee/\(index)")
    }
    if case .factsOnDisk = keeping { #expect(spool.hasFile) }
    let contents = spool.contents()
    #expect(contents.pages == [page])
    var expected = [
      "https://vald.ee/volikogu/": "https://vald.ee/volikogu",
      "http://vald.ee/": "https://vald.ee/",
      "https://vald.ee/õigusaktid/": "https://vald.ee/õigusaktid",
    ]
    for index in 0..<40 { expected["https://vald.ee/\(index)/"] = "https://vald.ee/\(index)" }
    #expect(contents.redirects == expected)
  }

  /// What judging read ahead in a page comes back beside it, from disk or memory: pages read
  /// ahead and pages not (an error answer) in any order, redirects between them, big and small.
  @Test(arguments: [PageKeeping.factsOnDisk, .factsInMemory]) func keepsReadingsBesideTheirPages(
    keeping: PageKeeping
  ) {
    let spool = SiteSpool(keeping)
    var expected: [[UInt8]] = []
    for index in 0..<60 {
      let preread: [UInt8] =
        index % 3 == 1 ? [] : (0..<(index * 37 % 3_000)).map { UInt8(truncatingIfNeeded: $0) }
      spool.append(PageFacts(url: "https://vald.ee/\(index)", depth: 1), preread: preread)
      spool.appendRedirect(from: "https://vald.ee/\(index)/", to: "https://vald.ee/\(index)")
      expected.append(preread)
    }
    spool.append(PageFacts(url: "https://vald.ee/viimane", status: 404))
    if case .factsOnDisk = keeping { #expect(spool.hasFile) }
    let contents = spool.contents()
    #expect(contents.pages.count == 61)
    #expect(contents.prereads == expected)
    #expect(contents.redirects.count == 60)
  }

  /// A crawl that reads nothing ahead gives no readings at all, not an empty one per page.
  @Test func noReadingsWhenNothingIsReadAhead() {
    let spool = SiteSpool(.factsOnDisk)
    for index in 0..<30 {
      spool.append(PageFacts(url: "https://vald.ee/\(index)", text: "Teade \(index)"))
    }
    #expect(spool.contents().prereads.isEmpty)
  }
}
