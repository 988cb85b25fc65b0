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
    // Read at another depth they might differ: the page is analysed then.
    #expect(replay.facts(for: home, depth: 1) == nil)
    for path in ["koormus", "vana"] {
      _ = try replay.answer(for: site.url + path)
      #expect(replay.facts(for: site.url + path, depth: 0) == nil, "\(path)")
    }
    #expect(replaying.pagesFromStoredFacts == 1)
    let other = try self.replaying(layout, fingerprint: Self.fingerprint + 1)
    _ = try other.replay.answer(for: home)
    #expect(other.replay.facts(for: home, depth: 0) == nil)
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
