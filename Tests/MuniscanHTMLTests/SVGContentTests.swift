import FixtureServer
import MuniscanCore
import Testing

@testable import MuniscanHTML

/// Without a tree, the parser is moved past plain inline SVG content unread; with one, libxml2
/// reads it. Both must give the same facts whatever the SVG holds: HTML end tags that close
/// elements outside it, comments, quotes, broken nesting, bytes beyond ASCII.
@Suite struct SVGContentTests {
  static let iconPath = "<path d=\"M0 0l4 4h2v9z M7 13l1 6\"></path>"
  static let icon =
    "<svg class=\"lexicon-icon\" viewBox=\"0 0 512 512\" aria-hidden=\"true\">\(iconPath)</svg>"

  /// Bodies whose SVG content libxml2 2.9 could read in more than one way, or plainly.
  static let bodies: [String] = [
    "<a class=\"logo\" href=\"/\">\(icon)<span>Avaleht</span></a><p>pärast</p>",
    "<svg><g fill=\"none\"><circle cx='5' cy=\"5\" r=\"4\"/><use href=\"#i\" /></g></svg><p>x</p>",
    "<svg><svg><rect width=\"1\"/></svg><text>JOONIS</text></svg><p>pesastatud</p>",
    "<svg><path d=\"M0 0\"></PATH></SVG ><p>suurtähed</p>",
    "<a href=\"/a\"><svg><path d=\"M0\"></a><p>väljas</p></svg>",
    "<p>lõik <svg><path d=\"M0\"></p>pärast lõiku</svg></p><p>edasi</p>",
    "<svg><title>Logo</title><path d=\"M0\"/></svg><p>pealkiri</p>",
    "<svg><a href=\"/svg-link\"><text>link</text></a></svg><p>link svg-s</p>",
    "<svg><!-- </svg> --><path d=\"M0\"/></svg><p>kommentaar</p>",
    "<svg><path d=\"</svg><p>atribuudis</p>\"/></svg><p>jutumärgid</p>",
    "<svg><path d='a\"b' data-x=\"</svg>\"/></svg><p>ülakomad</p>",
    "<svg><path d=M0/></svg><p>jutumärkideta</p>",
    "<svg><path d=\"M0\"/ ></svg><p>kaldkriips</p>",
    "<svg><path d=\"M0\"x=\"1\"/></svg><p>tühikuta</p>",
    "<svg><text>ä</text></svg><p>mitte-ASCII</p>",
    "<svg><text>a < b</text></svg><p>märk</p>",
    "<svg><foreignObject><p>võõras</p></foreignObject></svg><p>x</p>",
    "<svg><p>HTML</p><div>plokk</div></svg><p>x</p>",
    "<svg><script>var a = '</svg>';</script></svg><p>skript</p>",
    "<svg><style>path { fill: red }</style></svg><p>stiil</p>",
    "<svg><path d=\"M0\"></svg><p>sulgemata path</p>",
    "<svg><path d=\"M0\"/>", "<svg>", "<svg/><p>tühi</p>", "<svg></svg><p>tühi sisu</p>",
    "<div><svg><path d=\"M0\"/></div><p>div sulgeb</p>",
    "<svg>\(String(repeating: "<g>", count: 40))\(String(repeating: "</g>", count: 40))</svg><p>sügav</p>",
    "<svg><path d=\"M0\"/></svg\n><p>reavahe</p>", "<svg><path\td=\"M0\"\n/></svg><p>tab</p>",
    "<svg><![CDATA[ </svg> ]]></svg><p>cdata</p>", "<svg><?pi </svg> ?></svg><p>pi</p>",
    "<svg>&lt;<path d=\"&amp;\"/>&nbsp;</svg><p>olemid</p>",
    "<svg><path d=\"M0\" /></svg><a href=\"/after\">pärast joonist</a>",
  ]

  /// Analyses `body` in a page with both analysers, expects the same facts from each, and says
  /// whether the one without a tree skipped anything.
  static func skipsAndReadsTheSame(
    _ body: String, _ withoutTree: PageAnalyzer, _ withTree: PageAnalyzer
  ) -> Bool {
    let input = RawTextSkippingTests.input(Array(page(body).utf8))
    let plain = withoutTree.analyze(input)
    var built = withTree.analyze(input)
    built.queries = [:]
    #expect(plain == built, "\(body)")
    return withoutTree.rawTextBytesSkipped > 0
  }

  @Test func skippingGivesTheFactsReadingGives() throws {
    let withoutTree = try PageAnalyzer()
    let withTree = try PageAnalyzer(queries: [.xpath("count(//*)")])
    let skipped = Self.bodies.filter { Self.skipsAndReadsTheSame($0, withoutTree, withTree) }
    #expect(skipped.count >= 8)
  }

  /// SVG-like content assembled at random from pieces of SVG and HTML markup, from a fixed seed:
  /// the same facts skipped or read, and plain SVG among it is skipped.
  @Test func randomMarkupReadsTheSame() throws {
    let pieces = [
      "<g>", "</g>", "<path d=\"M0 0\"/>", "<path d=\"M1\">", "</path>", "<svg>", "</svg>",
      "<circle r='1'/>", "<text>", "</text>", "tekst", " ", "<a href=\"/s\">", "</a>", "</p>",
      "</div>", "<p>", "<title>", "</title>", "<!--", "-->", "\"", "'", "<", ">", "/>", "ü",
      "<use href=\"#x\"/>", "</span>", "<rect\nwidth=\"2\"/>", "&amp;",
    ]
    let withoutTree = try PageAnalyzer()
    let withTree = try PageAnalyzer(queries: [.xpath("count(//*)")])
    var random = SplitMix64(seed: 20_261_206)
    var skipped = 0
    for _ in 0..<1500 {
      let content = (0..<Int.random(in: 1...12, using: &random)).map { _ in
        pieces.randomElement(using: &random)!
      }.joined()
      let body =
        "<div><span><a href=\"/x\">enne <svg viewBox=\"0 0 9 9\">\(content)</svg> pärast</a>"
        + " lõpp</span></div><p>järgmine <a href=\"/y\">link</a></p>"
      if Self.skipsAndReadsTheSame(body, withoutTree, withTree) { skipped += 1 }
    }
    #expect(skipped >= 100)
  }

  /// What is skipped is the content alone, up to the end tag that closes the `svg`; content that
  /// is not plain SVG is not skipped at all.
  @Test func skipsTheContentOfPlainSVGAndNothingElse() throws {
    func skipped(_ content: String) -> Int? {
      Array(content.utf8).withUnsafeBufferPointer { SVGContent.length(of: $0) }
    }
    let path = "<path d=\"M0 0l4 4\"></path>"
    #expect(skipped(path + "</svg><p>x</p>") == path.utf8.count)
    #expect(skipped("<svg>" + path + "</svg></svg>") == "<svg>".utf8.count + path.utf8.count + 6)
    #expect(skipped("<G><Path D='1'/></g></SVG>") == "<G><Path D='1'/></g>".utf8.count)
    for unplain in [
      path, "<path d=\"M0\"></svg>", "<title>x</title></svg>", "</a></svg>", "<!-- x --></svg>",
      "<path d=M0/></svg>", "<path d=\"1\"d=\"2\"/></svg>", "ä</svg>", "< </svg>", "</svg >",
      "<path d=\"\u{1}\"/></svg>",
    ] {
      #expect(skipped(unplain) == nil, "\(unplain)")
    }
    let analyzer = try PageAnalyzer()
    let facts = analyzer.analyze(
      RawTextSkippingTests.input(Array(page("<a href=\"/\">\(Self.icon)Avaleht</a>").utf8)))
    #expect(analyzer.rawTextBytesSkipped == Self.iconPath.utf8.count)
    #expect(facts.text == "Avaleht")
    #expect(facts.links.map(\.text) == ["Avaleht"])
  }
}
