import Foundation
import MuniscanCore
import MuniscanHTML
import Testing

@Suite struct PageFactsBasicsTests {
  @Test func titleLangAndHeaders() throws {
    let html = """
      <!DOCTYPE html><html lang=" ET-ee "><head><title>
        Elva   vald |\tAvaleht </title></head><body><p>Tere</p></body></html>
      """
    let facts = try analyze(
      html, url: "https://www.elva.ee/",
      headers: [
        "content-type": "Text/HTML; charset=UTF-8",
        "last-modified": "Thu, 12 Mar 2026 08:49:37 GMT",
      ])
    #expect(facts.title == "Elva vald | Avaleht")
    #expect(facts.lang == "et-ee")
    #expect(facts.contentType == "text/html")
    #expect(facts.lastModified == Day(iso: "2026-03-12"))
    #expect(facts.url == "https://www.elva.ee/")
    #expect(facts.status == 200)
    #expect(facts.depth == 0)
  }

  @Test func inputFieldsAndDefaults() throws {
    let analyzer = try PageAnalyzer()
    let facts = analyzer.analyze(
      PageInput(url: "https://vald.ee/a", depth: 3, status: 404, body: Array("<p>x".utf8)))
    #expect(facts.depth == 3)
    #expect(facts.status == 404)
    #expect(facts.contentType == "text/html")
    #expect(facts.lang == nil)
    #expect(facts.title == "")
    #expect(facts.lastModified == nil)
  }

  /// Facts kept by a crawl are handed over at whatever depth the replayed crawl reaches the
  /// page: that is sound only while the analysis copies the depth and reads nothing from it.
  @Test func aPageAtAnotherDepthHasTheSameFactsButTheDepth() throws {
    let analyzer = try PageAnalyzer(locale: try ShippedLocale.of("ee"))
    let folder = ShippedLocale.repository + "/fixtures/sites"
    let pages = try #require(FileManager.default.enumerator(atPath: folder)).compactMap {
      ($0 as? String).flatMap { $0.hasSuffix(".html") ? $0 : nil }
    }
    #expect(pages.count > 20)
    for path in pages {
      let body = try #require(FileManager.default.contents(atPath: folder + "/" + path))
      let url = "https://www." + path
      let atHome = analyzer.analyze(PageInput(url: url, depth: 0, body: Array(body)))
      var deeper = analyzer.analyze(PageInput(url: url, depth: 4, body: Array(body)))
      #expect(deeper.depth == 4)
      deeper.depth = 0
      #expect(deeper == atHome, "\(path)")
    }
  }

  @Test func headingsInOrderWithLevels() throws {
    let facts = try analyze(
      page(
        """
        <h1>Volikogu</h1><div><h2>Istungid <small>2026</small></h2></div>
        <h3>  Komisjonid\n</h3><h4></h4><h6>Arhiiv</h6>
        """))
    #expect(
      facts.headings == [
        Heading(level: 1, text: "Volikogu"), Heading(level: 2, text: "Istungid 2026"),
        Heading(level: 3, text: "Komisjonid"), Heading(level: 6, text: "Arhiiv"),
      ])
  }

  @Test func visibleTextSkipsScriptsStylesAndHiddenElements() throws {
    let facts = try analyze(
      page(
        """
        <p>Vallavalitsus  asub\n aadressil <b>Kesk</b> 32.</p>
        <script>var peidetud = "SKRIPT";</script><style>.x{}</style>
        <noscript>Luba JavaScript</noscript><template><p>MALL</p></template>
        <div hidden>PEIDUS1</div><div aria-hidden="true">PEIDUS2</div>
        <div style="color: red; DISPLAY : none">PEIDUS3</div><span style="visibility:hidden">PEIDUS4</span>
        <div aria-hidden="false">Nähtav</div><p>Lõpp&nbsp;tekst</p>
        """, head: "<title>Pealkiri</title><style>body{}</style>"))
    #expect(facts.text == "Vallavalitsus asub aadressil Kesk 32. Nähtav Lõpp tekst")
    #expect(!facts.text.contains("Pealkiri"))
  }

  @Test func blockElementsSeparateWordsInlineElementsDoNot() throws {
    let facts = try analyze(
      page("<table><tr><td>12.03.2026</td><td>Istung</td></tr></table><p>kasu<b>taja</b></p>"))
    #expect(facts.text == "12.03.2026 Istung kasutaja")
  }

  @Test func textIsCappedAt200000Characters() throws {
    let word = "õun "
    let facts = try analyze(page("<p>" + String(repeating: word, count: 60_000) + "</p>"))
    // The cut may fall just after a space, which is then trimmed.
    #expect(facts.text.unicodeScalars.count <= PageAnalyzer.maximumTextCharacters)
    #expect(facts.text.unicodeScalars.count >= PageAnalyzer.maximumTextCharacters - 1)
    #expect(facts.text.hasPrefix("õun õun"))
  }
}

@Suite struct LinkTests {
  @Test func linksAreResolvedWithTextAndRegion() throws {
    let html = page(
      """
      <header><a href="/"><img src="logo.png" alt="Valla logo"></a></header>
      <nav><a href="volikogu">Volikogu</a><a href=" ../teenused/?a=1#x "> Teenused </a></nav>
      <div class="main-menu"><a href="//www.example-vald.ee/kontakt">Kontakt</a></div>
      <div id="site-footer"><a href="https://www.riigiteataja.ee">RT</a></div>
      <div role="contentinfo"><a href="HTTPS://Example.EE:443/a/./b/../c">Jalus</a></div>
      <main><p><a href="uudised" title="Kõik uudised"></a><a href="x" aria-label="Facebook"></a></p></main>
      <aside><a href="/kalender">Kalender</a></aside>
      <footer><a href="tel:+3727309880">Helista</a><a href="mailto:Info@Vald.ee">Kiri</a></footer>
      <p><a href="javascript:void(0)">JS</a><a href="#top">Üles</a><a href="data:text/html,x">D</a>
      <a href="http://other.ee/tee tühik">Tühik</a></p>
      """)
    let facts = try analyze(html, url: "https://www.example-vald.ee/et/vald/")
    #expect(
      facts.links == [
        Link(text: "Valla logo", url: "https://www.example-vald.ee/", region: .header),
        Link(text: "Volikogu", url: "https://www.example-vald.ee/et/vald/volikogu", region: .nav),
        Link(text: "Teenused", url: "https://www.example-vald.ee/et/teenused/?a=1", region: .nav),
        Link(text: "Kontakt", url: "https://www.example-vald.ee/kontakt", region: .nav),
        Link(text: "RT", url: "https://www.riigiteataja.ee/", region: .footer),
        Link(text: "Jalus", url: "https://example.ee/a/c", region: .footer),
        Link(
          text: "Kõik uudised", url: "https://www.example-vald.ee/et/vald/uudised", region: .main),
        Link(text: "Facebook", url: "https://www.example-vald.ee/et/vald/x", region: .main),
        Link(text: "Kalender", url: "https://www.example-vald.ee/kalender", region: .aside),
        Link(text: "Tühik", url: "http://other.ee/tee%20t%C3%BChik", region: .body),
      ])
    #expect(facts.emails == ["info@vald.ee"])
    #expect(facts.phones == ["+3727309880"])
  }

  @Test func baseHrefChangesTheBase() throws {
    let html = page(
      "<a href='uudised'>Uudised</a>", head: "<base href='/et/'><base href='/vale/'>")
    let facts = try analyze(html, url: "https://vald.ee/leht/alamleht")
    #expect(facts.links.map(\.url) == ["https://vald.ee/et/uudised"])
  }

  @Test func linksInHiddenMenusStillCountWithTheirText() throws {
    let facts = try analyze(
      page("<nav><ul style='display:none'><li><a href='/eelarve'>Eelarve</a></li></ul></nav>"))
    #expect(
      facts.links == [
        Link(text: "Eelarve", url: "https://www.example-vald.ee/eelarve", region: .nav)
      ])
    #expect(facts.text == "")
  }

  @Test func areaLinksUseAlt() throws {
    let facts = try analyze(
      page("<map><area href='/kaart/elva' alt='Elva linn' shape='rect'></map>"))
    #expect(facts.links.map(\.text) == ["Elva linn"])
  }

  @Test func linksOfOtherSchemesAreNotWebLinks() throws {
    let facts = try analyze(
      page(
        #"<a href="mailtokxp:marju@vald.ee">marju@vald.ee</a><a href="ftp://files.vald.ee/a">FTP</a>"#
          + #"<a href="/leht">Leht</a>"#), url: "https://vald.ee/")
    #expect(facts.links.map(\.url) == ["https://vald.ee/leht"])
  }

  @Test func aDocumentNamedOnlyByAYearTakesItsSectionHeading() throws {
    let facts = try analyze(
      page(
        """
        <h2>Majandusaasta aruanded</h2><p>Aastate kaupa:</p>
        <ul><li><a href="/MAA_2025.pdf">2025</a></li><li><a href="/MAA_2024.pdf">2024 (pdf, 1 MB)</a></li>
        <li><a href="/lisa.pdf">Lisa 1</a></li></ul>
        <h2>Valla eelarve</h2><a href="/Eelarve+2026.pdf">2026</a>
        """), url: "https://vald.ee/")
    #expect(
      facts.documents.map(\.text) == [
        "Majandusaasta aruanded: 2025", "Majandusaasta aruanded: 2024 (pdf, 1 MB)", "Lisa 1",
        "Valla eelarve: 2026",
      ])
    // A link listed before any heading, or named by words, keeps its own text.
    let bare = try analyze(page(#"<a href="/MAA_2025.pdf">2025</a><h2>Aruanded</h2>"#))
    #expect(bare.documents.map(\.text) == ["2025"])
  }

  @Test func documentsAreRecognised() throws {
    let html = page(
      """
      <a href="/sites/default/files/documents/2026-03/eelarve_2026.PDF?v=2">Eelarve 2026 (pdf)</a>
      <a href="/files/arengukava%202019-2027.docx"></a>
      <a href="/documents/1234/5678/Eelarvestrateegia+2025-2028.pdf/0a1b-uuid?t=17">Strateegia</a>
      <a href="/media/991/download">Määrus</a>
      <a href="/get?id=5" type="application/pdf">Protokoll</a>
      <a href="/leht.html">Leht</a><a href="/pilt.jpg">Pilt</a>
      <a href="/allkiri.asice">Leping</a><a href="/tabel.ods">Tabel</a>
      """)
    let facts = try analyze(html, url: "https://vald.ee/")
    #expect(
      facts.documents == [
        DocumentLink(
          url: "https://vald.ee/sites/default/files/documents/2026-03/eelarve_2026.PDF?v=2",
          text: "Eelarve 2026 (pdf)", type: "pdf"),
        DocumentLink(
          url: "https://vald.ee/files/arengukava%202019-2027.docx",
          text: "arengukava 2019-2027.docx", type: "docx"),
        DocumentLink(
          url: "https://vald.ee/documents/1234/5678/Eelarvestrateegia+2025-2028.pdf/0a1b-uuid?t=17",
          text: "Strateegia", type: "pdf"),
        DocumentLink(url: "https://vald.ee/media/991/download", text: "Määrus", type: "file"),
        DocumentLink(url: "https://vald.ee/get?id=5", text: "Protokoll", type: "pdf"),
        DocumentLink(url: "https://vald.ee/allkiri.asice", text: "Leping", type: "asice"),
        DocumentLink(url: "https://vald.ee/tabel.ods", text: "Tabel", type: "ods"),
      ])
    #expect(facts.links.count == 9)
  }
}

@Suite struct ContactTests {
  @Test func emailsFromTextAndMailto() throws {
    let html = page(
      """
      <p>Kirjuta INFO@Elva.ee või mari.maasikas[at]elva.ee, jaan(at)elva.ee ja kask [at] vald.ee.</p>
      <p>Pilt logo@2x.png ei ole aadress. Vale: @vald.ee, nimi@, nimi@vald</p>
      <p>Vale ka: a@-vald.ee, b@vald-.ee, c@vald..ee, e@pilt.PNG; õige: d@Sub.Vald.EE</p>
      <a href="mailto:vallavalitsus@elva.ee,info@elva.ee?subject=Küsimus">Kiri</a>
      <a href="mailto:%20volikogu%40elva.ee">Volikogu</a>
      """)
    let facts = try analyze(html)
    #expect(
      facts.emails == [
        "info@elva.ee", "mari.maasikas@elva.ee", "jaan@elva.ee", "kask@vald.ee",
        "d@sub.vald.ee", "vallavalitsus@elva.ee", "volikogu@elva.ee",
      ])
  }

  @Test func estonianPhoneFormats() throws {
    let html = page(
      """
      <p>Tel +372 5123 4567, +372 740 1234 ja 740 1235; mob 5123 4568.</p>
      <p>(+372) 7401236, +3727401237, +372-740-1238, 372 5555 6666</p>
      <p>Telefon: 7401239. Faks 740 12 40</p>
      """)
    let facts = try analyze(html)
    #expect(
      facts.phones == [
        "+37251234567", "+3727401234", "+3727401235", "+37251234568", "+3727401236",
        "+3727401237", "+3727401238", "+37255556666", "+3727401239", "+3727401240",
      ])
  }

  @Test func numbersThatAreNotPhones() throws {
    let html = page(
      """
      <p>Eelarve 5 000 000 eurot ja 55 000 000 €. Registrikood 75012345. Isikukood 38001010000.</p>
      <p>Konto EE47 1000 0010 2014 5685. Kuupäev 12.03.2026. Summa 740 1234 eurot.</p>
      <p>Aastad 2019 2027, number 1234567 ja 2345678, 12345678.</p>
      """)
    let facts = try analyze(html)
    #expect(facts.phones == [])
  }

  @Test func telLinks() throws {
    let html = page(
      """
      <a href="tel:+372%20740%201234">A</a><a href="tel:5123-4567">B</a>
      <a href="tel:00372 7401235">C</a><a href="tel:+358 9 123 4567">D</a><a href="tel:112">E</a>
      """)
    let facts = try analyze(html)
    #expect(facts.phones == ["+3727401234", "+37251234567", "+3727401235", "+35891234567"])
  }

  @Test func finnishPhoneFormatsFromTheFinnishLocale() throws {
    let html = page(
      """
      <p>Vaihde 09 123 4567, puh. 040 765 4321, +358 9 123 4568, +358 (0)40 123 4569.</p>
      <p>Kirjaamo puh 0912345670. <a href="tel:+358401112233">Soita</a>
      <a href="tel:020 123 456">Palvelu</a> <a href="tel:+372 740 1234">Viro</a></p>
      """)
    let facts = try analyze(html, ruleSet: "fi-generic")
    #expect(
      facts.phones == [
        "+35891234567", "+358407654321", "+35891234568", "+358401234569", "+358912345670",
        "+358401112233", "+35820123456", "+3727401234",
      ])
  }

  @Test func finnishSumsAndEstonianNumbersAreNotFinnishPhones() throws {
    let html = page(
      """
      <p>Talousarvio 5 000 000 euroa, Y-tunnus 0123456-7, 740 1234 ja 5123 4567.</p>
      <p>Numero 0912345670 ilman sanaa.</p>
      """)
    #expect(try analyze(html, ruleSet: "fi-generic").phones == [])
  }
}

@Suite struct DateFactsTests {
  @Test func datesFromTextMetaAndTime() throws {
    let html = page(
      """
      <p>Istung toimub 12. märtsil 2026. Eelmine oli 5.02.2026.</p>
      <p hidden>1.1.2020</p><time datetime="2025-12-24T18:00">jõululaupäeval</time>
      """,
      head: """
        <title>T</title><meta property="article:published_time" content="2025-11-03T10:00:00+02:00">
        <meta name="dcterms.modified" content="2026-01-15"><meta name="description" content="2010-01-01">
        """)
    let facts = try analyze(html)
    #expect(
      facts.dates
        == ["2025-11-03", "2025-12-24", "2026-01-15", "2026-02-05", "2026-03-12"].map {
          Day(iso: $0)!
        })
  }

  @Test func finnishDatesFromTheFinnishLocale() throws {
    let html = page(
      "<p>Valtuusto kokoontuu 12. maaliskuuta 2026. Pöytäkirja 3.2.2026, 14. märtsil 2026.</p>")
    let facts = try analyze(html, ruleSet: "fi-generic")
    #expect(facts.dates == ["2026-02-03", "2026-03-12"].map { Day(iso: $0)! })
  }
}

@Suite struct QueryTests {
  @Test func queriesAreEvaluatedOnEveryPage() throws {
    let html = page(
      """
      <nav id="menu"><ul><li class="active item"><a href="/a">Avaleht</a></li>
      <li class="item"><a href="/volikogu" lang="et-EE">Volikogu</a></li></ul></nav>
      <main><h1>Pealkiri</h1><p>Esimene   lõik</p><p>Teine</p></main>
      """)
    let queries: [PageQuery] = [
      .css("nav li.item > a"), .css("#menu .active a"), .css("main p:first-of-type"),
      .xpath("//a[contains(., 'Voli')]"), .xpath("count(//li)"), .xpath("boolean(//h2)"),
      .xpath("string(//h1)"), .css("a[lang|=et]"), .css("table"),
    ]
    let facts = try analyze(html, queries: queries)
    #expect(facts.queries["css:nav li.item > a"] == QueryMatch(snippet: "Avaleht", count: 2))
    #expect(facts.queries["css:#menu .active a"] == QueryMatch(snippet: "Avaleht", count: 1))
    #expect(
      facts.queries["css:main p:first-of-type"] == QueryMatch(snippet: "Esimene lõik", count: 1))
    #expect(
      facts.queries["xpath://a[contains(., 'Voli')]"] == QueryMatch(snippet: "Volikogu", count: 1))
    #expect(facts.queries["xpath:count(//li)"] == QueryMatch(snippet: "2", count: 2))
    #expect(facts.queries["xpath:boolean(//h2)"] == QueryMatch(snippet: "false", count: 0))
    #expect(facts.queries["xpath:string(//h1)"] == QueryMatch(snippet: "Pealkiri", count: 1))
    #expect(facts.queries["css:a[lang|=et]"] == QueryMatch(snippet: "Volikogu", count: 1))
    #expect(facts.queries["css:table"] == QueryMatch(snippet: "", count: 0))
    #expect(facts.queries.count == queries.count)
  }

  @Test func snippetIsBoundedAndSkipsScripts() throws {
    let html = page(
      "<div id='x'><script>var a = 1;</script>" + String(repeating: "sõna ", count: 500) + "</div>")
    let facts = try analyze(html, queries: [.css("#x")])
    let snippet = try #require(facts.queries["css:#x"]?.snippet)
    #expect(snippet.unicodeScalars.count <= PageAnalyzer.querySnippetCharacters)
    #expect(snippet.hasPrefix("sõna sõna"))
  }

  @Test func invalidQueriesAreRejected() {
    for query: PageQuery in [
      .xpath("//a["), .xpath("foo()"), .xpath("$undefined"), .css("a["), .css("a:hover"),
      .css("> a"), .css(""),
    ] {
      #expect(throws: PageQueryError.self) { try query.validate() }
      #expect(throws: PageQueryError.self) { try PageAnalyzer(queries: [query]) }
    }
    #expect(throws: Never.self) { try PageQuery.xpath("//a[@href]").validate() }
  }

  @Test func errorMessagesAreOneLine() {
    do {
      try PageQuery.xpath("//a[").validate()
      Issue.record("no error")
    } catch let error as PageQueryError {
      #expect(error.message.hasPrefix("invalid XPath '//a['"))
      #expect(!error.message.contains("\n"))
    } catch {
      Issue.record("wrong error \(error)")
    }
  }

  @Test func keys() {
    #expect(PageQuery.css("nav a").key == "css:nav a")
    #expect(PageQuery.xpath("//a").key == "xpath://a")
  }
}

/// Links in a document table carry their row's text, which may give their date; rows of a
/// layout table or a list do not.
@Suite struct TableRowContextTests {
  @Test func aDocumentTableRowIsTheContextOfItsLink() throws {
    let facts = try analyze(
      """
      <table><tr><th>Kuupäev</th><th>Dokument</th></tr>
      <tr><td>24.09.2026</td><td><a href="/p24.pdf">Volikogu istungi protokoll nr 24</a></td></tr>
      <tr><td><a href="/p23.pdf">Protokoll nr 23</a></td></tr></table>
      """)
    #expect(facts.links[0].context == "24.09.2026 Volikogu istungi protokoll nr 24")
    #expect(facts.documents[0].context == "24.09.2026 Volikogu istungi protokoll nr 24")
    // A row that says no more than its link gives no context.
    #expect(facts.links[1].context == nil)
  }

  @Test func layoutRowsAndListsGiveNoContext() throws {
    let menu = (1...3).map { "<a href=\"/m\($0)\">Menüü \($0) 01.0\($0).2026</a>" }.joined()
    let long = String(repeating: "Pikk sisu tekst. ", count: 30)
    let facts = try analyze(
      """
      <table><tr><td>\(menu)</td></tr>
      <tr><td>\(long) 01.10.2026 <a href="/x.pdf">Eelarve</a></td></tr></table>
      <p>12.11.2026 <a href="/y.pdf">Väljaspool tabelit</a></p>
      """)
    #expect(facts.links.count == 5)
    #expect(facts.links.allSatisfy { $0.context == nil }, "\(facts.links.map(\.context))")
  }
}
