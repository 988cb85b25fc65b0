import MuniscanCore
import Testing

@testable import MuniscanHTML

/// Without a tree, the parser is moved past script and style content unread; with one (queries),
/// libxml2 reads it into the tree. Both must give the same facts, whatever the content holds:
/// markup, near-miss end tags, broken bytes, or no end tag at all.
@Suite struct RawTextSkippingTests {
  /// Bodies whose script or style content libxml2 2.9 could read in more than one way.
  static let bodies: [String] = [
    "<p>Enne</p><script>var a = '<p>SKRIPT</p>'; if (a < b) {}</script><p>pärast</p>",
    "<script>document.write('</div><a href=\"/x\">X</a>')</script><a href=\"/y\">Y</a>",
    "<script></div><a href=\"/x\">X</a></script><a href=\"/y\">Y</a>",
    "<script><p>algab märgendiga</p></script><p>tekst</p>",
    "<script>a</script><p>üks märk</p>",
    "<script>ab</SCRIPT ><p>suurtähed</p>",
    "<script>x</scriptx><a href=\"/z\">Z</a></script><p>pikem nimi</p>",
    "<script>x</scr<p>pool</p></script><p>lõpp</p>",
    "<script>var s = '</script\n>';</script><p>reavahe</p>",
    "<style>p { content: '</p>' }</style><p>stiil</p><STYLE media=\">\">x</STYLE><p>b</p>",
    "<script/><p>tühi</p>", "<script src=\"/a.js\"></script><p>tühi sisu</p>",
    "<title>Pealkiri <script>x</script></title><p>pealkirjas</p>",
    "<textarea><script>x</script></textarea><p>tekstiväli</p>",
    "<!-- <script> --><p>kommentaaris</p><!-- </script> --><p>edasi</p>",
    "<a title=\"<script>\" href=\"/t\">atribuudis</a><p>x</p></script><p>y</p>",
    "<svg><script>var x = 1;</script><text>JOONIS</text></svg><p>svg</p>",
    "<noscript><script>x</script><p>noscript</p></noscript>",
    "<script>\u{0C}\u{01} juhtmärgid <p>x</p></script><p>pärast juhtmärke</p>",
    "<script>// <![CDATA[\nvar a = '<!--';\n// ]]></script><p>cdata</p>",
    "<p>lõpetamata</p><script>var a = 1; <a href=\"/ei\">ei</a>",
    "<p>lõpetamata</p><style>p {}",
    "<script type=\"application/ld+json\">{\"@type\": \"GovernmentOrganization\"}</script><p>j</p>",
  ]

  static func input(_ body: [UInt8], charset: String = "utf-8") -> PageInput {
    PageInput(
      url: "https://www.example-vald.ee/et/leht",
      headers: ["content-type": "text/html; charset=\(charset)"], body: body)
  }

  @Test func skippingGivesTheFactsReadingGives() throws {
    let withoutTree = try PageAnalyzer()
    let withTree = try PageAnalyzer(queries: [.xpath("count(//*)")])
    var skippedPages = 0
    for body in Self.bodies {
      for bytes in [Array(page(body).utf8), Array(page(body).utf8) + [0xFF, 0xC3]] {
        let plain = withoutTree.analyze(Self.input(bytes))
        if withoutTree.rawTextBytesSkipped > 0 { skippedPages += 1 }
        var built = withTree.analyze(Self.input(bytes))
        #expect(withTree.rawTextBytesSkipped == 0)
        built.queries = [:]
        #expect(plain == built, "\(body)")
      }
    }
    #expect(skippedPages > Self.bodies.count)
  }

  /// Broken UTF-8 inside a script, a legacy charset, NULs (replaced before libxml2 reads them)
  /// and UTF-16 (converted by libxml2 into its own buffer) read the same skipped or not.
  @Test func brokenBytesAndOtherCharsetsReadTheSame() throws {
    let withoutTree = try PageAnalyzer()
    let withTree = try PageAnalyzer(queries: [.xpath("count(//*)")])
    let script =
      Array("<p>Enne</p><script>var a = '".utf8) + [0xFF, 0xE2, 0x3C, 0x2F, 0xC3]
      + Array("';</script><p>Pärast</p>".utf8)
    let nul = Array("<p>a</p><script>x\0y</script><p>b\0c</p>".utf8)
    let utf16 = Array(page("<script>var a = '<p>';</script><p>Tekst</p>").utf16)
      .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let cases: [PageInput] = [
      Self.input(Array(page("").utf8.dropLast("</body></html>".utf8.count)) + script),
      Self.input(nul),
      Self.input(
        Array(
          "<p>\u{F5}un</p><script>x</script><p>\u{E4}</p>".unicodeScalars.map {
            UInt8($0.value)
          }), charset: "windows-1257"),
      Self.input(utf16, charset: "utf-16le"),
    ]
    for input in cases {
      let plain = withoutTree.analyze(input)
      #expect(withoutTree.rawTextBytesSkipped > 0)
      var built = withTree.analyze(input)
      built.queries = [:]
      #expect(plain == built)
      #expect(!plain.text.isEmpty)
    }
  }

  /// What is skipped is the content alone: the element's end tag is still read, so what follows
  /// is where it was, and a script whose end tag never comes is read (to the end of the page).
  @Test func skipsTheContentAndNothingElse() throws {
    let analyzer = try PageAnalyzer()
    let content = "var portlets = [\(String(repeating: "{\"id\": 1}, ", count: 200))];"
    let facts = analyzer.analyze(
      Self.input(Array(page("<script>\(content)</script><p>Pärast</p>").utf8)))
    #expect(analyzer.rawTextBytesSkipped == content.utf8.count)
    #expect(facts.text == "Pärast")
    _ = analyzer.analyze(Self.input(Array(page("<script><p>x</p></script><p>y</p>").utf8)))
    #expect(analyzer.rawTextBytesSkipped == 0)
    _ = analyzer.analyze(Self.input(Array(page("<p>y</p><script>\(content)").utf8)))
    #expect(analyzer.rawTextBytesSkipped == 0)
  }
}
