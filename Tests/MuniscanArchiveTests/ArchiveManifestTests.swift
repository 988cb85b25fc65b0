import Foundation
import MuniscanCore
import MuniscanCrawler
import Testing

@testable import MuniscanArchive

/// Starting a crawl in a folder, and resuming it only with what would crawl the same.
@Suite struct ArchiveManifestTests {
  let sites = ArchiveFixture.sites

  func open(_ folder: String, sites: [Site]? = nil, options: CrawlOptions = CrawlOptions()) throws
    -> ArchivedCrawl
  {
    try ArchivedCrawl.open(
      directory: folder, sitesFile: "sites.csv", sites: sites ?? self.sites, options: options,
      userAgent: "ua",
      software: "muniscan test")
  }

  @Test func aSecondRunResumesWithTheSameSitesAndPacingMayChange() throws {
    let folder = ArchiveFixture.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let first = try open(folder)
    #expect(!first.isResuming)
    #expect(first.pending == sites)
    let manifest = try CrawlManifest.load(ArchiveLayout(directory: folder))
    #expect(manifest.crawlDate == first.manifest.crawlDate)
    #expect(manifest.sites.map(\.key) == ["naidis.ee", "tamme.ee"])

    try JSONLines.append(
      FinishedSite(SiteCrawl(site: sites[1], outcome: .crawled), responses: 0, finishedAt: 0),
      to: first.layout.doneJournal)
    let second = try open(folder, options: CrawlOptions(delay: 5, concurrentSites: 2))
    #expect(second.isResuming)
    #expect(second.finishedBefore.map(\.url) == [sites[1].url])
    #expect(second.pending == [sites[0]])
    #expect(second.manifest.startedAt == first.manifest.startedAt)
  }

  @Test func optionsThatChangeTheCrawlAreRefused() throws {
    let folder = ArchiveFixture.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try open(folder)
    #expect(
      throws: ArchiveError.mismatch(
        "the crawl in \(folder) was started with --max-pages 300, not 5; resume with the same sites and options, "
          + "or choose another --out")
    ) { try open(folder, options: CrawlOptions(maxPages: 5)) }
    let error = #expect(throws: ArchiveError.self) {
      try open(folder, options: CrawlOptions(maxURLLength: 10))
    }
    #expect(
      "\(error.map(String.init(describing:)) ?? "")".contains("--max-url-length 2000, not 10"))
  }

  @Test func otherSitesAreRefusedNamingTheDifference() throws {
    let folder = ArchiveFixture.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try open(folder)
    let extra = Site(name: "Uus vald", url: "https://uus.ee/")
    #expect(
      throws: ArchiveError.mismatch(
        "sites.csv: the crawl in \(folder) was started with other sites (Uus vald https://uus.ee/ was not in it); "
          + "resume with the same sites and options, or choose another --out")
    ) { try open(folder, sites: sites + [extra]) }
    let error = #expect(throws: ArchiveError.self) { try open(folder, sites: [sites[0]]) }
    #expect(
      "\(error.map(String.init(describing:)) ?? "")".contains(
        "(Tamme linn https://tamme.ee/ is missing)"))
  }

  @Test func sitesSharingAHostGetTheirOwnIndex() {
    let keyed = ArchivedSite.keyed([
      Site(name: "A", url: "https://www.a.ee/"), Site(name: "A2", url: "https://a.ee/teine/"),
      Site(name: "B", url: "http://b.ee:8080/"),
    ])
    #expect(keyed.map(\.key) == ["a.ee", "a.ee-2", "b.ee"])
  }

  @Test func aFolderWithoutAManifestIsNotAnArchive() {
    #expect(throws: ArchiveError.notAnArchive("/nonexistent/archive")) {
      try ArchiveReader(directory: "/nonexistent/archive")
    }
  }
}
