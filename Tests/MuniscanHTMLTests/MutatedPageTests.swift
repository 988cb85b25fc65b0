import FixtureServer
import Foundation
import MuniscanCore
import Testing

@testable import MuniscanHTML

/// Fixture pages broken at random (cut short, spliced, sprinkled with markup and bytes), from a
/// fixed seed: the analyser never crashes, and gives the same facts with and without a tree.
@Suite struct MutatedPageTests {
  static let fragments: [[UInt8]] = [
    "<", ">", "</a>", "<a href=", "\"", "<!--", "-->", "<script>", "</script>", "<![CDATA[",
    "&#x0;", "&", "<table><tr><td>", "</div></div></div>", "<base href=\"//evil\">", "\u{0}",
    "<iframe src=\"https://www.youtube.com/embed/x\">", "<meta charset=\"koi8-r\">", "\u{FEFF}",
  ].map { Array($0.utf8) }

  static func mutate(_ page: [UInt8], with random: inout SplitMix64) -> [UInt8] {
    var bytes = page
    for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
      let at = Int.random(in: 0..<bytes.count, using: &random)
      switch Int.random(in: 0..<4, using: &random) {
      case 0: bytes.removeSubrange(at...)
      case 1: bytes.insert(contentsOf: fragments.randomElement(using: &random)!, at: at)
      case 2:
        let end = min(bytes.count, at + Int.random(in: 1...200, using: &random))
        bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...at, using: &random))
      default:
        let junk = (0..<Int.random(in: 1...16, using: &random)).map { _ in
          UInt8.random(in: 0...255, using: &random)
        }
        bytes.insert(contentsOf: junk, at: at)
      }
    }
    return bytes
  }

  @Test func brokenPagesGiveFactsAndTheSameOnesWithATree() throws {
    let pages = try SAXCollectionTests.fixturePages()
    let withoutTree = try PageAnalyzer()
    let withTree = try PageAnalyzer(queries: [.xpath("count(//a)")])
    var random = SplitMix64(seed: 20_261_124)
    for page in pages {
      for _ in 0..<3 {
        let broken = PageInput(
          url: page.url, headers: page.headers,
          body: Self.mutate(page.body, with: &random))
        let plain = withoutTree.analyze(broken)
        var built = withTree.analyze(broken)
        built.queries = [:]
        #expect(plain == built, "\(page.url)")
        #expect(plain.links.allSatisfy { $0.url.hasPrefix("http") }, "\(page.url)")
      }
    }
  }
}
