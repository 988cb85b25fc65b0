import Foundation
import Testing

@testable import MuniscanArchive

/// Index lines naming a place no record can have were decoded and then trapped: `score`
/// (`UInt64(offset)` when seeking) and resuming (`offset + length`) crashed on a damaged index.
@Suite struct PageIndexEntryTests {
  static let places = [(-5, 100), (Int.max, 100), (0, -5), (Int.max - 10, 11)]

  func line(offset: Int, length: Int, warc: String) -> String {
    #"{"contentType":"text/html","fetchedAt":"2026-11-20T10:00:01Z","length":\#(length),"#
      + #""offset":\#(offset),"status":200,"url":"https://www.naidis.ee/","warc":"\#(warc)"}"#
  }

  @Test(arguments: places)
  func anImpossiblePlaceIsALineThatDoesNotDecode(offset: Int, length: Int) {
    let text = line(offset: offset, length: length, warc: "a.warc.gz")
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(PageIndexEntry.self, from: Data(text.utf8))
    }
  }

  @Test func aDamagedIndexIsReadAndRepairedWithoutTrapping() async throws {
    let layout = try await ArchiveFixture.write()
    defer { ArchiveFixture.remove(layout) }
    let manifest = ArchiveFixture.manifest()
    let warc = try #require(WARCFileWriter.files(in: layout.warcFolder).first)
    let index = layout.index(manifest.sites[0].key)
    let before = JSONLines.read(PageIndexEntry.self, from: index)
    for (offset, length) in Self.places {
      try AppendOnlyFile.append(
        Array((line(offset: offset, length: length, warc: warc) + "\n").utf8), toFileAt: index)
    }
    #expect(JSONLines.read(PageIndexEntry.self, from: index) == before)
    let reader = ArchiveReader(layout: layout, manifest: manifest)
    // Read, not trapped on: each such line is named as damage.
    let replay = reader.replay(for: ArchiveFixture.sites[0], finished: nil)
    #expect(replay.damage.count == Self.places.count, "\(replay.damage)")
    _ = try ArchiveRepair.run(layout, manifest: manifest)
    #expect(JSONLines.read(PageIndexEntry.self, from: index) == before)
  }

  /// Strings an index line may carry: every ASCII character (the control characters, quote,
  /// backslash and slash among them), and letters beyond ASCII.
  static let texts = [
    String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self),
    "https://www.näidis.ee/uudised?id=7&q=\"eelarve\"", "Нарва\u{2028}\u{2029}€😀\u{FEFF}", "",
  ]

  /// A crawl writes its index lines field by field instead of through the encoder: the lines
  /// must be the encoder's, byte for byte, and read back as the same entries.
  @Test(arguments: texts)
  func anIndexLineIsTheEncodersLine(text: String) throws {
    for (offset, length) in [(0, 0), (48_213, 170), (Int.max - 1, 1)] {
      for crc32 in [nil, 0, 0x1234_abcd, UInt32.max] {
        let entry = PageIndexEntry(
          url: text, status: 404, contentType: text, warc: text, offset: offset, length: length,
          fetchedAt: text, crc32: crc32)
        #expect(entry.line == (try JSONLines.line(entry)))
        #expect(try JSONDecoder().decode(PageIndexEntry.self, from: Data(entry.line)) == entry)
      }
    }
  }
}
