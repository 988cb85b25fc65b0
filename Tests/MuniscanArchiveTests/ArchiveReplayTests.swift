import Foundation
import MuniscanCore
import Testing

@testable import MuniscanArchive

/// Scoring reads each archived record once: when the crawl asks for its URL, or at the end of
/// the site's crawl for those it never asked for, which is when the site's damage is known.
@Suite struct ArchiveReplayTests {
  @Test func eachRecordIsReadWhenAskedForOrAtTheFinishNeverTwice() async throws {
    // One exchange per WARC file: removing a file takes exactly one record away.
    let layout = try await ArchiveFixture.write(maxFileBytes: 1)
    defer { ArchiveFixture.remove(layout) }
    let reader = try ArchiveReader(directory: layout.directory)
    let site = reader.manifest.sites[0]
    let entries = reader.entries(site)
    let replaying = reader.replaying(site.site, finished: nil)
    let home = try #require(try replaying.replay.answer(for: "https://www.naidis.ee/"))
    #expect(home.status == 200)
    for file in WARCFileWriter.files(in: layout.warcFolder) {
      try FileManager.default.removeItem(atPath: layout.warc(file))
    }
    // The home page was read when asked for; the two pages never asked for are read now, and
    // their files are gone.
    let damage = replaying.finish()
    #expect(
      damage
        == entries.dropFirst().map {
          ArchiveDamage(file: "warc/\($0.warc)", place: "offset \($0.offset)", problem: "missing")
        })
    #expect(try replaying.replay.answer(for: "https://www.naidis.ee/uudised") == nil)
  }

  @Test func anIndexLineNamingTheRecordOfAnotherURLIsDamage() async throws {
    let layout = try await ArchiveFixture.write()
    defer { ArchiveFixture.remove(layout) }
    let reader = try ArchiveReader(directory: layout.directory)
    let site = reader.manifest.sites[0]
    var entry = try #require(reader.entries(site).first)
    entry.url = "https://www.naidis.ee/muu"
    try JSONLines.append(entry, to: layout.index(site.key))
    let replaying = reader.replaying(site.site, finished: nil)
    #expect(try replaying.replay.answer(for: "https://www.naidis.ee/muu") == nil)
    #expect(
      replaying.finish().map(\.problem) == [
        "holds the response of https://www.naidis.ee/, not https://www.naidis.ee/muu"
      ])
  }
}
