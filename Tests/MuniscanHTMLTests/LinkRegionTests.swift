import MuniscanCore
import Testing

/// Older CMS templates name their regions in ids and classes: `menu` or `nav` anywhere in one
/// makes a menu, else `footer` a footer, else `header` a header, in any case; the words are
/// found in one pass over each value, and the order between them must hold.
@Suite struct LinkRegionTests {
  static let attributes: [(attributes: String, region: PageRegion)] = [
    (#"class="lfr-nav-item dropdown""#, .nav),
    (#"id="MainMenu""#, .nav),
    (#"class="NAVBAR""#, .nav),
    (#"class="site-footer""#, .footer),
    (#"id="page-Header""#, .header),
    (#"class="header-menu""#, .nav),
    (#"class="footer-header""#, .footer),
    (#"id="footer" class="navbar""#, .nav),
    (#"id="header" class="footer""#, .footer),
    (#"class="men u na v foote r""#, .body),
    (#"class="hea""#, .body),
    (#"class="""#, .body),
  ]

  @Test(arguments: attributes)
  func aTemplateWordMakesTheRegion(attributes: String, region: PageRegion) throws {
    let facts = try analyze(#"<body><div \#(attributes)><p><a href="/a">A</a></p></div></body>"#)
    #expect(facts.links.map(\.region) == [region])
  }
}
