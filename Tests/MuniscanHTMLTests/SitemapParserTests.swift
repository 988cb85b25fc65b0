import MuniscanHTML
import Testing

@Suite struct SitemapParserTests {
  private func parse(_ text: String, maxLocations: Int = 50_000) -> Sitemap? {
    SitemapParser.parse(Array(text.utf8), maxLocations: maxLocations)
  }

  @Test func readsAURLSet() {
    let sitemap = parse(
      """
      \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc> https://vald.ee/ </loc><lastmod>2026-11-12</lastmod></url>
        <url><loc><![CDATA[https://vald.ee/uudised?id=1&amp=2]]></loc></url>
        <url><loc>https://vald.ee/a?x=1&amp;y=2</loc></url>
        <url><loc></loc></url>
      </urlset>
      """)
    #expect(sitemap?.kind == .urlSet)
    #expect(
      sitemap?.locations == [
        "https://vald.ee/", "https://vald.ee/uudised?id=1&amp=2", "https://vald.ee/a?x=1&y=2",
      ])
    #expect(sitemap?.truncated == false)
  }

  @Test func readsAnIndexWithAnyPrefix() {
    let sitemap = parse(
      """
      <sm:sitemapindex xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sm:sitemap><sm:loc>https://vald.ee/sitemap-1.xml.gz</sm:loc></sm:sitemap>
        <sm:sitemap><sm:loc>https://vald.ee/sitemap-2.xml</sm:loc></sm:sitemap>
      </sm:sitemapindex>
      """)
    #expect(
      sitemap
        == Sitemap(
          kind: .index,
          locations: ["https://vald.ee/sitemap-1.xml.gz", "https://vald.ee/sitemap-2.xml"]))
  }

  @Test func readsATextSitemap() {
    #expect(
      parse("https://vald.ee/\r\nhttps://vald.ee/a\n\n")?.locations == [
        "https://vald.ee/", "https://vald.ee/a",
      ])
    #expect(parse("https://vald.ee/\nnot a url\n") == nil)
  }

  @Test func keepsAtMostTheCap() {
    let many =
      "<urlset>" + (1...100).map { "<url><loc>https://vald.ee/\($0)</loc></url>" }.joined()
      + "</urlset>"
    let sitemap = parse(many, maxLocations: 10)
    #expect(sitemap?.locations.count == 10)
    #expect(sitemap?.truncated == true)
  }

  @Test func refusesWhatIsNotASitemap() {
    #expect(parse("<html><body><a href='/x'>x</a></body></html>") == nil)
    #expect(parse("") == nil)
    #expect(parse("   \n") == nil)
    #expect(SitemapParser.parse([0x1F, 0x8B, 0x08, 0x00, 0xFF, 0x00]) == nil)
  }

  @Test func readsBrokenXMLAsFarAsItGoes() {
    let sitemap = parse(
      "<urlset><url><loc>https://vald.ee/a</loc></url><url><loc>https://vald.ee/b</loc><url>")
    #expect(sitemap?.locations == ["https://vald.ee/a", "https://vald.ee/b"])
  }

  @Test func neverExpandsExternalEntities() {
    let sitemap = parse(
      """
      <?xml version="1.0"?>
      <!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
      <urlset><url><loc>https://vald.ee/&secret;</loc></url></urlset>
      """)
    #expect(
      sitemap?.locations.allSatisfy { !$0.contains("\n") && $0.hasPrefix("https://vald.ee/") }
        == true)
    #expect(sitemap?.locations.first?.count ?? 0 < 40)
  }
}
