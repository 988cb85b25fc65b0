import Foundation
import MuniscanCore
import MuniscanCrawler
import MuniscanGzip
import Testing

@testable import MuniscanArchive

/// What a killed crawl leaves behind, and how resuming makes the archive whole again.
@Suite struct ArchiveRepairTests {
  let manifest = ArchiveFixture.manifest()

  func onlyFile(_ layout: ArchiveLayout) throws -> String {
    let files = WARCFileWriter.files(in: layout.warcFolder)
    try #require(files.count == 1)
    return layout.warc(files[0])
  }

  func indexURLs(_ layout: ArchiveLayout, site: Int = 0) -> [String] {
    JSONLines.read(PageIndexEntry.self, from: layout.index(manifest.sites[site].key)).map(\.url)
  }

  @Test func aTornLastRecordIsCutBackToTheLastWholeExchange() async throws {
    let layout = try await ArchiveFixture.write()
    defer { ArchiveFixture.remove(layout) }
    let path = try onlyFile(layout)
    let records = try ArchiveFixture.records(layout)
    let lastRequest = records[records.count - 2].placement
    let size = try #require(AppendOnlyFile.size(path))
    try AppendOnlyFile.truncate(path, to: size - 20)  // inside the last response record

    let changes = try ArchiveRepair.run(layout, manifest: manifest)
    #expect(
      changes.contains { $0.contains("cut a torn record at byte \(lastRequest.offset)") },
      "\(changes)")
    #expect(AppendOnlyFile.size(path) == lastRequest.offset)
    #expect(try WARCFileReader.scan(path) { _, _ in } == .complete)
    // The index line of the torn record is dropped: resuming fetches that page again.
    #expect(indexURLs(layout) == ["https://www.naidis.ee/", "https://www.naidis.ee/uudised"])
    #expect(try ArchiveRepair.run(layout, manifest: manifest).isEmpty)
  }

  @Test func aRecordWrittenButNotIndexedIsIndexed() async throws {
    let layout = try await ArchiveFixture.write()
    defer { ArchiveFixture.remove(layout) }
    let index = layout.index(manifest.sites[0].key)
    let before = indexURLs(layout)
    let lines = try String(contentsOfFile: index, encoding: .utf8).split(separator: "\n")
    try (lines.dropLast().joined(separator: "\n") + "\n").write(
      toFile: index, atomically: true, encoding: .utf8)
    #expect(indexURLs(layout).count == before.count - 1)

    let changes = try ArchiveRepair.run(layout, manifest: manifest)
    #expect(
      changes.contains { $0.hasSuffix("indexed 1 records written but not indexed") }, "\(changes)")
    #expect(indexURLs(layout) == before)
  }

  @Test func tornLinesAreCutSoTheNextLineStandsAlone() async throws {
    let layout = try await ArchiveFixture.write()
    defer { ArchiveFixture.remove(layout) }
    try AppendOnlyFile.append(Array(#"{"url":"https://www.nai"#.utf8), toFileAt: layout.doneJournal)
    try AppendOnlyFile.append(
      Array(#"{"contentType":"te"#.utf8), toFileAt: layout.index(manifest.sites[0].key))
    let reader = ArchiveReader(layout: layout, manifest: manifest)
    #expect(reader.finished().map(\.url) == ["https://tamme.ee/"])

    let changes = try ArchiveRepair.run(layout, manifest: manifest)
    #expect(changes.count == 2, "\(changes)")
    try JSONLines.append(
      FinishedSite(
        SiteCrawl(site: ArchiveFixture.sites[0], outcome: .crawled), responses: 0, finishedAt: 0),
      to: layout.doneJournal)
    #expect(reader.finished().map(\.url) == ["https://www.naidis.ee/", "https://tamme.ee/"])
    #expect(indexURLs(layout).count == 3)
  }

  @Test func aRequestWithoutItsResponseIsCutOff() async throws {
    let layout = try await ArchiveFixture.write()
    defer { ArchiveFixture.remove(layout) }
    let path = try onlyFile(layout)
    let size = try #require(AppendOnlyFile.size(path))
    let request = ExchangeRecords.records(for: ArchiveFixture.exchange(path: "uus", body: ""))[0]
    let member = Gzip.compressMember(request.bytes)
    try AppendOnlyFile.append(member, toFileAt: path)

    let changes = try ArchiveRepair.run(layout, manifest: manifest)
    #expect(
      changes == [
        "\(path): cut a request without its response at byte \(size) (\(member.count) bytes)"
      ])
    #expect(AppendOnlyFile.size(path) == size)
  }

  @Test func aFileWithNoWholeRecordIsRemoved() async throws {
    let layout = try await ArchiveFixture.write()
    defer { ArchiveFixture.remove(layout) }
    let torn = layout.warc("muniscan-20261120000000-00001.warc.gz")
    let member = Gzip.compressMember(
      WARCRecord(fields: [("WARC-Type", "warcinfo")], block: []).bytes)
    try Data(member.prefix(member.count / 2)).write(to: URL(fileURLWithPath: torn))

    let changes = try ArchiveRepair.run(layout, manifest: manifest)
    #expect(changes == ["\(torn): removed (no whole record)"])
    #expect(!FileManager.default.fileExists(atPath: torn))
    #expect(WARCFileWriter.files(in: layout.warcFolder).count == 1)
  }

  @Test func aTornPageFactsRecordIsCutSoFactsAppendedAfterItCanBeRead() async throws {
    let layout = try await StoredFactsTests.write()
    defer { ArchiveFixture.remove(layout) }
    let site = manifest.sites[0]
    let path = layout.facts(site.key)
    let size = try #require(AppendOnlyFile.size(path))
    let firstEnd = try #require(
      FileManager.default.contents(atPath: path).map {
        8 + (Int($0[0]) | Int($0[1]) << 8 | Int($0[2]) << 16)
      })
    try AppendOnlyFile.truncate(path, to: size - 3)  // inside the second record

    let changes = try ArchiveRepair.run(layout, manifest: manifest)
    #expect(
      changes == [
        "\(path): cut a torn page facts record at byte \(firstEnd) (\(size - 3 - firstEnd) bytes)"
      ])
    #expect(AppendOnlyFile.size(path) == firstEnd)
    #expect(try ArchiveRepair.run(layout, manifest: manifest).isEmpty)

    // The resumed crawl's facts follow the whole record and are read.
    let archive = try CrawlArchive(
      layout: layout, manifest: manifest, operatorName: nil,
      factsFingerprint: StoredFactsTests.fingerprint)
    let exchange = ArchiveFixture.exchange(path: "uus", body: "<p>uus</p>")
    try await archive.record(exchange)
    let facts = StoredFactsTests.facts(exchange.request.url, depth: 1)
    await archive.recordFacts(facts, site: site.site, url: exchange.request.url)
    await archive.close()
    let replay = try ArchiveReader(directory: layout.directory).replaying(
      site.site, finished: nil, factsFingerprint: StoredFactsTests.fingerprint
    ).replay
    for url in [site.site.url, exchange.request.url] { _ = try replay.answer(for: url) }
    #expect(replay.facts(for: site.site.url, depth: 0) == StoredFactsTests.facts(site.site.url))
    #expect(replay.facts(for: exchange.request.url, depth: 1) == facts)
  }
}
