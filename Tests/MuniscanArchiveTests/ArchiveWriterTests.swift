import Foundation
import MuniscanCore
import MuniscanCrawler
import MuniscanGzip
import MuniscanHTTP
import Testing

@testable import MuniscanArchive

@Suite struct ArchiveWriterTests {
  @Test func exchangesBecomeLinkedRequestAndResponseRecordsWithDigests() async throws {
    let layout = try await ArchiveFixture.write()
    defer { ArchiveFixture.remove(layout) }
    let records = try ArchiveFixture.records(layout)
    #expect(
      records.map(\.record.type) == ["warcinfo"]
        + Array(repeating: ["request", "response"], count: 4).flatMap { $0 })
    let info = String(decoding: records[0].record.block, as: UTF8.self)
    #expect(info.contains("software: muniscan test\r\n"))
    #expect(info.contains("format: WARC File Format 1.1\r\n"))
    #expect(info.contains("robots: obey\r\n"))
    #expect(info.contains("operator: Test Operator <t@example.ee>\r\n"))
    #expect(records[0].record.field("WARC-Filename") == records[0].placement.file)

    for pair in stride(from: 1, to: records.count, by: 2) {
      let request = records[pair].record
      let response = records[pair + 1].record
      #expect(request.field("WARC-Concurrent-To") == response.field("WARC-Record-ID"))
      #expect(response.field("WARC-Concurrent-To") == request.field("WARC-Record-ID"))
      #expect(request.field("WARC-Record-ID")?.hasPrefix("<urn:uuid:") == true)
      #expect(request.field("WARC-Target-URI") == response.field("WARC-Target-URI"))
      #expect(response.field("WARC-Date") == "2026-11-20T00:00:00Z")
      #expect(request.field("Content-Type") == "application/http; msgtype=request")
      #expect(response.field("Content-Type") == "application/http; msgtype=response")
      #expect(response.field("WARC-Block-Digest") == WARCDigest.sha1(response.block))
      #expect(request.field("WARC-Block-Digest") == WARCDigest.sha1(request.block))
      let replayed = try #require(ExchangeRecords.response(from: response))
      #expect(response.field("WARC-Payload-Digest") == WARCDigest.sha1(replayed.body))
    }
    #expect(records[3].record.field("WARC-Truncated") == nil)
    #expect(records[8].record.field("WARC-Truncated") == "length")
    #expect(records[6].record.field("WARC-IP-Address") == "127.0.0.2")
    #expect(records[6].record.field("Muniscan-Site") == "https://tamme.ee/")
  }

  @Test func theReplayReadsAResponseWhenAskedNotBefore() async throws {
    let layout = try await ArchiveFixture.write()
    defer { ArchiveFixture.remove(layout) }
    let reader = try ArchiveReader(directory: layout.directory)
    let (replay, damage) = reader.replay(for: reader.manifest.sites[0].site, finished: nil)
    #expect(damage.isEmpty && replay.count == 3)
    // Only where the records are is held: once the WARC files are gone, nothing is answered.
    for file in WARCFileWriter.files(in: layout.warcFolder) {
      try FileManager.default.removeItem(atPath: layout.warc(file))
    }
    #expect(try replay.answer(for: "https://www.naidis.ee/uudised") == nil)
  }

  @Test func theIndexNamesEachResponseRecordAndTheReplayGivesBackTheResponses() async throws {
    let layout = try await ArchiveFixture.write()
    defer { ArchiveFixture.remove(layout) }
    let reader = try ArchiveReader(directory: layout.directory)
    let first = reader.manifest.sites[0]
    let entries = reader.entries(first)
    #expect(
      entries.map(\.url) == [
        "https://www.naidis.ee/", "https://www.naidis.ee/uudised", "https://www.naidis.ee/suur",
      ])
    let files = RecordFiles()
    for entry in entries {
      let record = try WARCFileReader.record(
        in: layout.warc(entry.warc), offset: entry.offset, length: entry.length, files: files)
      #expect(record.type == "response")
      #expect(record.field("WARC-Target-URI") == entry.url)
      #expect(entry.status == 200 && entry.contentType == "text/html; charset=utf-8")
      #expect(entry.fetchedAt == "2026-11-20T00:00:00Z")
    }
    #expect(reader.entries(reader.manifest.sites[1]).map(\.status) == [503])

    let (replay, unreadable) = reader.replay(for: first.site, finished: nil)
    #expect(unreadable.isEmpty)
    #expect(replay.count == 3)
    let original = ArchiveFixture.exchange(path: "suur", body: "cut here", truncated: true).response
    let replayed = try #require(try replay.answer(for: "https://www.naidis.ee/suur"))
    #expect(replayed.status == original.status)
    #expect(replayed.headers == original.headers)
    #expect(replayed.body == original.body)
    #expect(replayed.bodyTruncated)
    #expect(replayed.remoteAddress == "127.0.0.1")
  }

  @Test func onlyFinishedSitesAreListedAsFinished() async throws {
    let layout = try await ArchiveFixture.write()
    defer { ArchiveFixture.remove(layout) }
    let finished = try ArchiveReader(directory: layout.directory).finished()
    #expect(finished.map(\.url) == ["https://tamme.ee/"])
    #expect(finished.first?.unreachable == "503")
  }

  @Test func filesEndAtTheSizeLimitAndNumberingContinues() async throws {
    let layout = try await ArchiveFixture.write(maxFileBytes: 1)
    defer { ArchiveFixture.remove(layout) }
    let files = WARCFileWriter.files(in: layout.warcFolder)
    #expect(files.count == 4)
    #expect(files.compactMap(WARCFileWriter.serial) == [0, 1, 2, 3])
    for name in files {
      #expect(name.wholeMatch(of: #/muniscan-\d{14}-\d{5}\.warc\.gz/#) != nil, "\(name)")
      var types: [String] = []
      _ = try WARCFileReader.scan(layout.warc(name)) { record, _ in types.append(record.type) }
      #expect(types == ["warcinfo", "request", "response"])
    }
    let writer = try WARCFileWriter(folder: layout.warcFolder, maxFileBytes: 1, info: [])
    _ = try writer.append(
      WARCFileWriter.compress([WARCRecord(fields: [("WARC-Type", "resource")], block: [])]), at: 0)
    #expect(WARCFileWriter.files(in: layout.warcFolder).last?.hasSuffix("-00004.warc.gz") == true)
  }

  /// Records compressed apart from the writer (by the task that fetched them) are placed one
  /// after another: each placement names the bytes of its own member, and their CRC-32.
  @Test func compressedRecordsArePlacedWhereTheirMembersAreWritten() throws {
    let folder = ArchiveFixture.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let writer = try WARCFileWriter(folder: folder, maxFileBytes: 1 << 30, info: [])
    let blocks = [[], Array("GET / HTTP/1.1\r\n\r\n".utf8), Array(repeating: 0x61, count: 70_000)]
    var written: [(WARCRecord, RecordPlacement)] = []
    for _ in 0..<2 {
      let records = blocks.map { WARCRecord(fields: [("WARC-Type", "resource")], block: $0) }
      let placements = try writer.append(WARCFileWriter.compress(records), at: 0)
      written += zip(records, placements)
    }
    writer.close()
    let name = try #require(WARCFileWriter.files(in: folder).first)
    let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
    for (record, placement) in written {
      #expect(placement.file == name)
      let member = Array(file[placement.offset..<placement.offset + placement.length])
      #expect(Gzip.crc32(member) == placement.crc32)
      let inflated = member.withUnsafeBytes { Gzip.inflateMember($0) }
      #expect(inflated == .member(record.bytes, length: member.count))
    }
    #expect(written.last.map { $0.1.offset + $0.1.length } == file.count)
  }

  @Test func aSiteWithAnExchangeThatCouldNotBeWrittenIsNotFinished() async throws {
    let layout = ArchiveLayout(directory: ArchiveFixture.folder())
    defer { ArchiveFixture.remove(layout) }
    try FileManager.default.createDirectory(
      atPath: layout.directory, withIntermediateDirectories: true)
    let archive = try CrawlArchive(
      layout: layout, manifest: ArchiveFixture.manifest(), operatorName: nil)
    // The index folder turned into a file: the index line cannot be written.
    try FileManager.default.removeItem(atPath: layout.indexFolder)
    try Data().write(to: URL(fileURLWithPath: layout.indexFolder))
    await #expect(throws: ArchiveError.self) {
      try await archive.record(ArchiveFixture.exchange(path: "", body: "x"))
    }
    await #expect(throws: ArchiveError.siteIncomplete("https://www.naidis.ee/")) {
      try await archive.finish(SiteCrawl(site: ArchiveFixture.sites[0], outcome: .crawled))
    }
  }
}
