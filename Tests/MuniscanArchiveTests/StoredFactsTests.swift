import Foundation
import MuniscanCore
import MuniscanCrawler
import MuniscanHTTP
import Testing

@testable import MuniscanArchive

/// The page facts a crawl keeps beside its archive come back with exactly the response they
/// were read from, and only when nothing about them is in doubt.
@Suite struct StoredFactsTests {
  static let fingerprint: UInt64 = 0x1234_5678_9abc_def0
  let site = ArchiveFixture.sites[0]

  static func facts(_ url: String, depth: Int = 0) -> PageFacts {
    var facts = PageFacts(url: url, depth: depth, status: 200, contentType: "text/html")
    facts.title = "Volikogu"
    facts.text = "Volikogu istung 12.03.2026. Tel 740 1234."
    facts.links = [Link(text: "Uudised", url: url + "uudised", region: .nav)]
    return facts
  }

  /// An archive of two pages of site 0 with their facts kept, and of a 503 answer and a
  /// redirect, for which facts are handed over but never kept (they are not pages).
  static func write(fingerprint: UInt64? = fingerprint) async throws -> ArchiveLayout {
    let (layout, archive) = try ArchiveFixture.begin(factsFingerprint: fingerprint)
    for (path, status) in [("", 200), ("uudised", 200), ("koormus", 503)] {
      let exchange = ArchiveFixture.exchange(path: path, status: status, body: "<p>\(path)</p>")
      try await archive.record(exchange)
      await archive.recordFacts(
        facts(exchange.request.url), site: exchange.site, url: exchange.request.url)
    }
    var redirect = ArchiveFixture.exchange(path: "vana", status: 301, body: "")
    redirect.response.headers.append(HTTPHeader(name: "Location", value: "/uus"))
    try await archive.record(redirect)
    await archive.recordFacts(
      facts(redirect.request.url), site: redirect.site, url: redirect.request.url)
    await archive.close()
    return layout
  }

  func replaying(_ layout: ArchiveLayout, fingerprint: UInt64 = fingerprint) throws
    -> ArchiveReplay
  {
    let reader = try ArchiveReader(directory: layout.directory)
    return reader.replaying(site, finished: nil, factsFingerprint: fingerprint)
  }

  @Test func eachPageGetsTheFactsOfTheResponseItWasAnsweredWith() async throws {
    let layout = try await Self.write()
    defer { ArchiveFixture.remove(layout) }
    let replaying = try replaying(layout)
    let replay = replaying.replay
    let home = site.url
    // Facts come with the answer they were read from: none before it is read.
    #expect(replay.facts(for: home, depth: 0) == nil)
    _ = try replay.answer(for: home)
    #expect(replay.facts(for: home, depth: 0) == Self.facts(home))
    // Asked for at another depth, they are the facts at that depth (the analysis only copies
    // the depth into them).
    #expect(replay.facts(for: home, depth: 1) == Self.facts(home, depth: 1))
    for path in ["koormus", "vana"] {
      _ = try replay.answer(for: site.url + path)
      #expect(replay.facts(for: site.url + path, depth: 0) == nil, "\(path)")
    }
    #expect(replaying.pagesFromStoredFacts == 2)
    let other = try self.replaying(layout, fingerprint: Self.fingerprint + 1)
    _ = try other.replay.answer(for: home)
    #expect(other.replay.facts(for: home, depth: 0) == nil)
  }

  /// A page whose facts were kept is given without its body (only the record's head is
  /// inflated), with its head and its body's size as read whole; any answer not asked for as a
  /// page, or without kept facts, comes whole.
  @Test func aPageWithKeptFactsComesWithoutItsBody() async throws {
    let layout = try await Self.write()
    defer { ArchiveFixture.remove(layout) }
    for path in ["", "uudised", "koormus"] {
      let url = site.url + path
      let whole = try #require(try replaying(layout).replay.answer(for: url))
      let replay = try replaying(layout).replay
      let page = try #require(try replay.answer(for: url, asPage: true))
      #expect(whole.body == Array("<p>\(path)</p>".utf8) && whole.omittedBodyLength == 0)
      #expect(page.body == (path == "koormus" ? whole.body : []), "\(path)")
      #expect(page.bodyLength == whole.bodyLength)
      #expect(page.status == whole.status && page.headers == whole.headers)
      #expect(page.rawResponseHead == whole.rawResponseHead && page.url == whole.url)
      #expect(page.remoteAddress == whole.remoteAddress)
      #expect(
        replay.facts(for: url, depth: 2) == (path == "koormus" ? nil : Self.facts(url, depth: 2)))
    }
  }

  /// The index line of a page whose facts were kept: its CRC-32 checks the whole record.
  func indexWith(_ layout: ArchiveLayout, change: (inout PageIndexEntry) -> Void) throws {
    let path = layout.index(try archivedSite(layout).key)
    var entries = JSONLines.read(PageIndexEntry.self, from: path)
    #expect(entries.allSatisfy { $0.crc32 != nil })
    change(&entries[0])
    try Data(entries.flatMap(\.line)).write(to: URL(fileURLWithPath: path))
  }

  /// A record damaged where its head does not reach (its gzip trailer) is found by the CRC-32
  /// its index line keeps, and named exactly as reading it whole names it.
  @Test func damagePastTheHeadOfAPageWithKeptFactsIsFound() async throws {
    let (layout, archive) = try ArchiveFixture.begin(factsFingerprint: Self.fingerprint)
    defer { ArchiveFixture.remove(layout) }
    // A body long enough that inflating its record's head stops well before the trailer.
    let body = (0..<5000).map { "<p>Lause \($0).</p>" }.joined()
    let exchange = ArchiveFixture.exchange(path: "", body: body)
    try await archive.record(exchange)
    await archive.recordFacts(Self.facts(site.url), site: site, url: site.url)
    await archive.close()
    let intact = try #require(try replaying(layout).replay.answer(for: site.url, asPage: true))
    #expect(intact.body.isEmpty && intact.bodyLength == body.utf8.count)
    let home = try homeEntry(layout)
    let warc = URL(fileURLWithPath: layout.warc(home.warc))
    var bytes = try Data(contentsOf: warc)
    bytes[home.offset + home.length - 1] ^= 0x01  // the member's size, in its trailer
    try bytes.write(to: warc)
    let asPage = try replaying(layout)
    #expect(try asPage.replay.answer(for: site.url, asPage: true) == nil)
    let whole = try replaying(layout)
    #expect(try whole.replay.answer(for: site.url) == nil)
    let damage = asPage.finish()
    #expect(damage.count == 1 && damage == whole.finish())
  }

  /// Whatever byte of a page's record is changed, the page read as a page with its kept facts
  /// gives what reading it whole gives: the same damage, and the same head when it is read.
  @Test func aChangedByteAnywhereInAPageIsFoundAsReadingItWholeFindsIt() async throws {
    let layout = try await Self.write()
    defer { ArchiveFixture.remove(layout) }
    let home = try homeEntry(layout)
    let warc = URL(fileURLWithPath: layout.warc(home.warc))
    let intact = try Data(contentsOf: warc)
    var random = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      var bytes = intact
      bytes[home.offset + Int.random(in: 0..<home.length, using: &random)] ^=
        UInt8.random(in: 1...255, using: &random)
      try bytes.write(to: warc)
      let asPage = try replaying(layout)
      let page = try asPage.replay.answer(for: site.url, asPage: true)
      let whole = try replaying(layout)
      let read = try whole.replay.answer(for: site.url)
      #expect(page?.status == read?.status && page?.headers == read?.headers)
      #expect(asPage.finish() == whole.finish())
    }
  }

  /// An index without the CRC-32 (written by an earlier version), or with one its record does
  /// not have, gives the page whole, read and checked by inflating it.
  @Test func aPageIndexedWithoutItsCRCComesWhole() async throws {
    for change: (inout PageIndexEntry) -> Void in [{ $0.crc32 = nil }, { $0.crc32! ^= 1 }] {
      let layout = try await Self.write()
      defer { ArchiveFixture.remove(layout) }
      try indexWith(layout, change: change)
      let replaying = try replaying(layout)
      let page = try #require(try replaying.replay.answer(for: site.url, asPage: true))
      #expect(page.body == Array("<p></p>".utf8))
      #expect(replaying.replay.facts(for: site.url, depth: 0) == Self.facts(site.url))
      #expect(replaying.finish().isEmpty)
    }
  }

  /// The index entry of the home page's response.
  func homeEntry(_ layout: ArchiveLayout) throws -> PageIndexEntry {
    try #require(
      ArchiveReader(layout: layout, manifest: ArchiveFixture.manifest()).entries(
        try archivedSite(layout)
      ).first)
  }

  func archivedSite(_ layout: ArchiveLayout) throws -> ArchivedSite {
    try #require(try ArchiveReader(directory: layout.directory).manifest.sites.first)
  }

  /// What waits for facts, and the site's page index and facts file held open while it is
  /// crawled, go when the site finishes.
  @Test func whatWaitsForFactsIsDroppedWhenTheyComeOrTheSiteFinishes() async throws {
    let (layout, archive) = try ArchiveFixture.begin(factsFingerprint: Self.fingerprint)
    defer { ArchiveFixture.remove(layout) }
    // A page, and an HTML answer the crawl never reads as a page (a robots.txt served as one).
    let page = ArchiveFixture.exchange(path: "leht", body: "<p>leht</p>")
    let robots = ArchiveFixture.exchange(path: "robots.txt", body: "<p>Not found</p>")
    try await archive.record(page)
    try await archive.record(robots)
    #expect(await archive.pagesAwaitingFacts == 2)
    await archive.recordFacts(Self.facts(page.request.url), site: site, url: page.request.url)
    #expect(await archive.pagesAwaitingFacts == 1)
    #expect(await archive.sitesWithOpenFiles == 1)
    try await archive.finish(SiteCrawl(site: site, outcome: .crawled))
    #expect(await archive.pagesAwaitingFacts == 0)
    #expect(await archive.sitesWithOpenFiles == 0)
    await archive.close()
  }

  @Test func aCrawlThatReadsNoFactsKeepsNone() async throws {
    let layout = try await Self.write(fingerprint: nil)
    defer { ArchiveFixture.remove(layout) }
    #expect(!FileManager.default.fileExists(atPath: layout.factsFolder))
  }

  @Test func aRecordWithAFlippedByteIsIgnoredAndTheNextStillServes() async throws {
    let layout = try await Self.write()
    defer { ArchiveFixture.remove(layout) }
    let path = layout.facts(try archivedSite(layout).key)
    var bytes = try #require(FileManager.default.contents(atPath: path))
    let firstLength = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16
    bytes[8 + firstLength - 1] ^= 0x20  // the last byte of the home page's facts
    try bytes.write(to: URL(fileURLWithPath: path))

    let replay = try replaying(layout).replay
    for path in ["", "uudised"] { _ = try replay.answer(for: site.url + path) }
    #expect(replay.facts(for: site.url, depth: 0) == nil)
    #expect(replay.facts(for: site.url + "uudised", depth: 0) == Self.facts(site.url + "uudised"))
  }

  @Test func factsNamingTheRecordOfAnotherURLAreIgnored() async throws {
    let layout = try await Self.write()
    defer { ArchiveFixture.remove(layout) }
    let entries = ArchiveReader(layout: layout, manifest: ArchiveFixture.manifest()).entries(
      try archivedSite(layout))
    // Facts of another page written for the home page's record, as a reused placement would.
    try AppendOnlyFile.append(
      StoredFacts.record(
        Self.facts(site.url + "muu"), fingerprint: Self.fingerprint,
        source: StoredFacts.Source(warc: entries[0].warc, offset: entries[0].offset)),
      toFileAt: layout.facts(try archivedSite(layout).key))
    let replay = try replaying(layout).replay
    _ = try replay.answer(for: site.url)
    #expect(replay.facts(for: site.url, depth: 0) == nil)
  }
}
