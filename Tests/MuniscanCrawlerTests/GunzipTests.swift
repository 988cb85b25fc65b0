import FixtureServer
import Testing

@testable import MuniscanCrawler

@Suite struct GunzipTests {
  @Test func decompressesWholeAndConcatenatedMembers() throws {
    let text = Array("<urlset><url><loc>https://vald.ee/</loc></url></urlset>".utf8)
    let one = try #require(Gunzip.decompress(FixtureGzip.compress(text), maxBytes: 1000))
    #expect(one.bytes == text)
    #expect(!one.truncated)
    let two = try #require(
      Gunzip.decompress(FixtureGzip.compress(text) + FixtureGzip.compress(text), maxBytes: 1000))
    #expect(two.bytes == text + text)
  }

  @Test func bombStopsAtTheCap() throws {
    let bomb = FixtureGzip.bomb(expandedSize: 100_000_000)
    let result = try #require(Gunzip.decompress(bomb, maxBytes: 1_000_000))
    #expect(result.bytes.count == 1_000_000)
    #expect(result.truncated)
  }

  @Test func rejectsWhatIsNotGzip() {
    #expect(!Gunzip.isGzip(Array("<?xml".utf8)))
    #expect(Gunzip.isGzip(FixtureGzip.compress([1, 2, 3])))
    #expect(Gunzip.decompress([0x1F, 0x8B, 0, 0, 0], maxBytes: 100) == nil)
  }
}
