import MuniscanCore
import MuniscanHTML
import Testing

@Suite struct CSSTranslationTests {
  @Test(arguments: [
    ("div", "descendant-or-self::div"),
    ("*", "descendant-or-self::*"),
    ("DIV", "descendant-or-self::div"),
    ("#menu", "descendant-or-self::*[@id='menu']"),
    (
      ".a",
      "descendant-or-self::*[@class and contains(concat(' ', normalize-space(@class), ' '), ' a ')]"
    ),
    ("a[href]", "descendant-or-self::a[@href]"),
    ("a[HREF='x']", "descendant-or-self::a[@href='x']"),
    ("a[href^=\"/et\"]", "descendant-or-self::a[starts-with(@href, '/et')]"),
    (
      "a[href$='.pdf']",
      "descendant-or-self::a[substring(@href, string-length(@href) - 4 + 1)='.pdf']"
    ),
    ("a[href*=volikogu]", "descendant-or-self::a[contains(@href, 'volikogu')]"),
    ("nav a", "descendant-or-self::a[ancestor::nav]"),
    ("ul > li", "descendant-or-self::li[parent::ul]"),
    ("h2 + p", "descendant-or-self::p[preceding-sibling::*[1][(self::h2)]]"),
    ("h2 ~ p", "descendant-or-self::p[preceding-sibling::h2]"),
    ("div ul > li a", "descendant-or-self::a[ancestor::li[parent::ul[ancestor::div]]]"),
    (
      "h1 + h2 + p",
      "descendant-or-self::p[preceding-sibling::*[1][(self::h2)][preceding-sibling::*[1][(self::h1)]]]"
    ),
    ("h1, h2", "descendant-or-self::h1 | descendant-or-self::h2"),
    ("li:first-child", "descendant-or-self::li[not(preceding-sibling::*)]"),
    ("li:last-child", "descendant-or-self::li[not(following-sibling::*)]"),
    (
      "a:not(.x)",
      "descendant-or-self::a[not((@class and contains(concat(' ', normalize-space(@class), ' '), ' x ')))]"
    ),
    ("[title=\"it's\"]", "descendant-or-self::*[@title=\"it's\"]"),
  ])
  func translation(css: String, xpath: String) throws {
    #expect(try CSSSelector.xpath(for: css) == xpath)
  }

  @Test(arguments: [
    "", "a[", "a[href=", "a:hover", "a::before", "> a", "a >", "a,", "svg|a", "a[x~]",
    "li:nth-child(foo)", "*:first-of-type", "a b)",
  ])
  func invalidSelectors(css: String) {
    #expect(throws: PageQueryError.self) { try CSSSelector.xpath(for: css) }
  }
}

@Suite struct CSSEvaluationTests {
  static let html = page(
    """
    <nav class="main  nav"><ul id="m">
      <li class="first"><a href="/et/avaleht" title="Avaleht">Avaleht</a></li>
      <li><a href="/et/volikogu" rel="nofollow noopener">Volikogu</a></li>
      <li lang="et-EE"><a href="/docs/eelarve.pdf" class="Doc">Eelarve</a></li>
    </ul></nav>
    <main><h2>Uudised</h2><p>Esimene</p><p>Teine</p><div><p>Sees</p></div><h2>Teated</h2><span>s</span><p>Kolmas</p></main>
    <footer><p></p></footer>
    """)

  func count(_ css: String) throws -> Int {
    let facts = try analyze(Self.html, queries: [.css(css)])
    return try #require(facts.queries["css:\(css)"]).count
  }

  @Test func selectorsMatchWhatBrowsersMatch() throws {
    #expect(try count("a") == 3)
    #expect(try count("A") == 3)
    #expect(try count("nav.main.nav a") == 3)
    #expect(try count(".nav") == 1)
    #expect(try count(".na") == 0)
    #expect(try count("#m > li") == 3)
    #expect(try count("nav > a") == 0)
    #expect(try count("li.first + li a") == 1)
    #expect(try count("li.first ~ li") == 2)
    #expect(try count("a[rel~=noopener]") == 1)
    #expect(try count("a[rel~=noop]") == 0)
    #expect(try count("li[lang|=et]") == 1)
    #expect(try count("a[href$=\".pdf\"]") == 1)
    #expect(try count("a[class=doc i]") == 1)
    #expect(try count("a[class=doc]") == 0)
    #expect(try count("li:first-child a") == 1)
    #expect(try count("li:last-child") == 1)
    #expect(try count("li:not(.first)") == 2)
    #expect(try count("li:nth-child(2n+1)") == 2)
    #expect(try count("li:nth-child(2)") == 1)
    #expect(try count("main > p:first-of-type") == 1)
    #expect(try count("main > p:last-of-type") == 1)
    #expect(try count("h2 + p") == 1)
    #expect(try count("h2 ~ p") == 3)
    #expect(try count("footer p:empty") == 1)
    #expect(try count("h2, footer") == 3)
    #expect(try count("main p:contains('Sees')") == 1)
  }
}
