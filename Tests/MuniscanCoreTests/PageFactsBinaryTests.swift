import Testing

@testable import MuniscanCore

@Suite struct PageFactsBinaryTests {
  static let full = PageFacts(
    url: "https://vald.ee/et/eelarve", depth: 3, status: 200, contentType: "text/html",
    title: "Eelarve – 2026",
    lang: "et", headings: [Heading(level: 1, text: "Eelarve"), Heading(level: 2, text: "Lisad")],
    links: [
      Link(text: "Avaleht", url: "https://vald.ee/", region: .nav),
      Link(text: "", url: "https://x.ee/õ", region: .footer, context: "24.09.2026 Protokoll"),
    ],
    documents: [
      DocumentLink(url: "https://vald.ee/e.pdf", text: "Eelarve", type: "pdf"),
      DocumentLink(
        url: "https://vald.ee/l.xlsx", text: "Lisa", type: "xlsx", status: 200, size: 12_345,
        contentType: "application/vnd.ms-excel", lastModified: Day(iso: "2026-11-03"),
        context: "Lisa 1 · 03.11.2026"),
    ],
    text: "Vallavolikogu kinnitas eelarve. Чтение. 😀", emails: ["info@vald.ee"],
    phones: ["+372 600 1000"],
    dates: [Day(iso: "2026-01-31")!, Day(iso: "2025-12-01")!], lastModified: Day(iso: "2026-11-20"),
    queries: [
      "css:.news": QueryMatch(snippet: "Uudis", count: 4),
      "xpath://h1": QueryMatch(snippet: "", count: 0),
    ], embeds: ["https://www.youtube.com/embed/x1", "https://vald.ee/kaart.html"])

  @Test func roundTripsEveryField() {
    var bytes: [UInt8] = [9, 9]
    Self.full.encode(into: &bytes)
    PageFacts(url: "https://vald.ee/", depth: -1, status: 404).encode(into: &bytes)
    var offset = 2
    #expect(PageFacts(decoding: bytes, at: &offset) == Self.full)
    #expect(
      PageFacts(decoding: bytes, at: &offset)
        == PageFacts(url: "https://vald.ee/", depth: -1, status: 404))
    #expect(offset == bytes.count)
    #expect(PageFacts(decoding: bytes, at: &offset) == nil)
  }

  @Test func refusesCutOrDamagedBytes() {
    var bytes: [UInt8] = []
    Self.full.encode(into: &bytes)
    for cut in stride(from: 0, to: bytes.count - 1, by: 7) {
      var offset = 0
      #expect(PageFacts(decoding: Array(bytes[..<cut]), at: &offset) == nil)
      #expect(offset == 0)
    }
  }

  /// Fails when PageFacts or a part of it gains a stored property: add it to the binary form
  /// (PageFacts+Binary.swift) and count it here.
  @Test func theBinaryFormKnowsEveryStoredProperty() {
    #expect(Mirror(reflecting: Self.full).children.count == 16)
    #expect(Mirror(reflecting: Self.full.links[0]).children.count == 4)
    #expect(Mirror(reflecting: Self.full.headings[0]).children.count == 2)
    #expect(Mirror(reflecting: Self.full.documents[0]).children.count == 8)
    #expect(Mirror(reflecting: QueryMatch(snippet: "", count: 0)).children.count == 2)
    #expect(Mirror(reflecting: Day(iso: "2026-01-01")!).children.count == 3)
  }
}
