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
        let read = entry.line.dropLast().withUnsafeBytes { PageIndexEntry(line: $0) }
        #expect(read == (entry.line.contains(UInt8(ascii: "\\")) ? nil : entry))
      }
    }
  }

  /// `score` reads index lines in the shape the crawl writes them without the decoder: any line
  /// that reader takes, the decoder takes as the same entry, whatever is changed in it (a byte
  /// flipped, cut out or put in, a number made larger, a key or space added).
  @Test func anIndexLineReadWithoutTheDecoderIsTheDecodersEntry() throws {
    let entries = [
      PageIndexEntry(
        url: "https://www.näidis.ee/uudised?id=7", status: 200,
        contentType: "text/html; charset=utf-8", warc: "muniscan-20261120100001-00000.warc.gz",
        offset: 48_213, length: 170, fetchedAt: "2026-11-20T10:00:01Z", crc32: 3_986_625_098),
      PageIndexEntry(
        url: "http://127.1.0.1:8080/", status: 404, contentType: "", warc: "a.warc.gz",
        offset: 0, length: 0, fetchedAt: ""),
    ]
    let pieces = Array("0123456789\"\\{}:, -e.\u{7F}".utf8) + [0x0A, 0x00, 0xC3, 0xA4, 0xFF]
    var random = SystemRandomNumberGenerator()
    var read = 0
    for entry in entries {
      let line = Array(entry.line.dropLast())
      #expect(line.withUnsafeBytes { PageIndexEntry(line: $0) } == entry)
      for _ in 0..<6000 {
        var changed = line
        for _ in 0..<Int.random(in: 1...3, using: &random) {
          let at = Int.random(in: 0..<changed.count, using: &random)
          switch Int.random(in: 0..<3, using: &random) {
          case 0: changed[at] = pieces.randomElement(using: &random)!
          case 1: changed.remove(at: at)
          default: changed.insert(pieces.randomElement(using: &random)!, at: at)
          }
        }
        guard let fast = changed.withUnsafeBytes({ PageIndexEntry(line: $0) }) else { continue }
        read += 1
        let decoded = try? JSONDecoder().decode(PageIndexEntry.self, from: Data(changed))
        #expect(decoded == fast, "\(String(decoding: changed, as: UTF8.self))")
      }
    }
    // Changes inside strings and numbers leave many lines readable: the check is not empty.
    #expect(read > 1000)
    for text in [
      #"{"contentType":"","fetchedAt":"","length":007,"offset":0,"status":200,"url":"","warc":""}"#,
      #"{"contentType":"","fetchedAt":"","length":1,"offset":9223372036854775807,"status":200,"url":"","warc":""}"#,
      #"{"contentType":"","crc32":4294967296,"fetchedAt":"","length":1,"offset":0,"status":200,"url":"","warc":""}"#,
      #"{"contentType":"","fetchedAt":"","length":1,"offset":0,"status":-1,"url":"","warc":""}"#,
      #"{"contentType":"","fetchedAt":"","length":1,"offset":0,"status":200,"url":"","warc":""} "#,
    ] {
      #expect(Array(text.utf8).withUnsafeBytes { PageIndexEntry(line: $0) } == nil, "\(text)")
    }
  }
}
