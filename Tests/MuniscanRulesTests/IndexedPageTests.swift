import Foundation
import MuniscanCore
import Testing

@testable import MuniscanRules

/// A document's file name is read from its address as splitting the address into characters
/// reads it; the byte path taken for ASCII addresses must give exactly that.
@Suite struct IndexedPageTests {
  /// The last path segment as splitting at characters finds it, as before the byte path.
  func reference(_ url: String) -> String {
    let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    let last = path.split(separator: "/").last.map(String.init) ?? ""
    return (last.removingPercentEncoding ?? last)
  }

  @Test func theFileNameIsTheLastPathSegmentDecoded() {
    #expect(
      IndexedPage.fileName("https://vald.ee/dokumendid/eelarve_2026.pdf") == "eelarve_2026.pdf")
    #expect(IndexedPage.fileName("https://vald.ee/files/T%C3%A4itmine.pdf?v=2") == "Täitmine.pdf")
    #expect(IndexedPage.fileName("https://vald.ee/kord/") == "kord")
    #expect(IndexedPage.fileName("https://vald.ee/bad%zz.pdf") == "bad%zz.pdf")
    #expect(IndexedPage.fileName("https://vald.ee/õigusaktid/määrus.pdf") == "määrus.pdf")
  }

  @Test func theBytePathReadsAsCharactersDo() {
    let pieces = [
      "https:", "//", "/", "vald.ee", "a", "eelarve_2026.pdf", "%C3%A4", "%zz", "%", "?",
      "?v=1/2", "#x", "õ", "//", "", "dok%20nr%201.docx", "%E2%82",
    ]
    for _ in 0..<5_000 {
      let url = (0..<Int.random(in: 0...6)).map { _ in pieces.randomElement()! }.joined()
      #expect(IndexedPage.fileName(url) == reference(url), "\(url)")
    }
  }

  @Test func aLinkTextIsFoundOnPagesOfFewAndOfManyLinks() {
    let stemming = Stemming(latin: "et", cyrillic: "ru")
    let stems = StemCache(
      stemming, matcher: PhraseMatcher(phrases: [], stemmings: [stemming]))
    for count in [0, 3, IndexedPage.linksReadInTurn, IndexedPage.linksReadInTurn + 40] {
      let links = (0..<count).map {
        Link(text: $0 % 5 == 0 ? "" : "Uudis \($0)", url: "https://vald.ee/\($0)", region: .main)
      }
      let page = IndexedPage(
        PageFacts(url: "https://vald.ee/", links: links), index: 0, stems: stems)
      for text in ["Uudis 1", "Uudis 5", "", "Uudis \(count - 1)", "uudis 1", "Uudis 1 "] {
        #expect(
          page.hasLink(withText: text) == links.contains { $0.text == text }, "\(count) \(text)")
      }
    }
  }
}
