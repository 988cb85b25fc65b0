import MuniscanCore
import Testing

@testable import MuniscanRules

@Suite struct EvaluatorTests {
  static let asOf = Day(iso: "2026-11-20")!

  func phrases(_ words: String...) -> [Phrase] { words.compactMap(Phrase.init) }

  func rule(
    _ id: String, area: String = "council", weight: Double = 1, match: Predicate,
    partial: Predicate? = nil,
    fresh: Freshness? = nil, scope: RuleScope = .site
  ) -> Rule {
    Rule(
      id: id, area: area, weight: weight, title: LocalizedText(["et": id, "en": id]),
      advice: LocalizedText(["et": "tee", "en": "do"]), basis: "", scope: scope, match: match,
      partial: partial,
      freshness: fresh, examples: [], location: SourceLocation(file: "t.yml", line: 1, column: 1))
  }

  func ruleSet(_ rules: [Rule]) -> RuleSet {
    RuleSet(
      id: "t", version: "1", languages: ["et", "en"], title: LocalizedText(["et": "t", "en": "t"]),
      areas: [
        AreaInfo(id: "council", title: LocalizedText(["et": "Volikogu", "en": "Council"])),
        AreaInfo(id: "site", title: LocalizedText(["et": "Veeb", "en": "Site"])),
      ],
      rules: rules, examplesAsOf: Self.asOf,
      locale: PageLocale(
        dates: DateFormats(numeric: Set(NumericDatePattern.allCases)), phones: nil),
      locales: LocaleLibrary(folders: []))
  }

  func crawl(_ pages: [PageFacts], https: HTTPSFacts = .init()) -> SiteCrawl {
    SiteCrawl(
      site: Site(name: "Test vald", url: "https://www.test.ee/"), outcome: .crawled,
      finalURL: "https://www.test.ee/", https: https, pages: pages)
  }

  func home(links: [Link] = [], text: String = "", headings: [Heading] = []) -> PageFacts {
    PageFacts(url: "https://www.test.ee/", links: links, text: text)
  }

  @Test func linkTextPassesWithEvidence() throws {
    let minutes = rule(
      "council.minutes", match: .of(LinkTest(text: phrases("volikogu protokoll*"))))
    let page = home(links: [
      Link(text: "Volikogu protokollid", url: "https://www.test.ee/protokollid", region: .nav)
    ])
    let result = Evaluator(ruleSet: ruleSet([minutes])).evaluate(crawl([page]), asOf: Self.asOf)
    let finding = try #require(result.findings.first)
    #expect(finding.status == .pass)
    #expect(finding.evidence.first?.snippet == "Volikogu protokollid")
    #expect(finding.evidence.first?.target == "https://www.test.ee/protokollid")
    #expect(result.total == 100)
  }

  @Test func wordsMustBeWholeUnlessPrefixed() {
    let exact = rule("council.a", match: .of(TextTest(words: phrases("eelarve"))))
    let prefixed = rule("council.b", match: .of(TextTest(words: phrases("eelarve*"))))
    // "eelarvest" is a form of "eelarve"; "eelarvestrateegiast" is another word.
    let page = home(text: "Vallavanem rääkis eelarvestrateegiast.")
    let result = Evaluator(ruleSet: ruleSet([exact, prefixed])).evaluate(
      crawl([page]), asOf: Self.asOf)
    #expect(result.findings.map(\.status) == [.fail, .pass])
    #expect(
      result.findings[1].evidence.first?.snippet.contains("rääkis eelarvestrateegiast") == true)
  }

  @Test func staleEvidenceIsPartialAndFreshEvidencePasses() {
    let minutes = rule(
      "council.minutes", match: .of(DocumentTest(text: phrases("protokoll*"))),
      fresh: .days(120))
    func verdict(_ text: String) -> FindingStatus {
      let page = PageFacts(
        url: "https://www.test.ee/",
        documents: [DocumentLink(url: "https://www.test.ee/p.pdf", text: text, type: "pdf")])
      return Evaluator(ruleSet: ruleSet([minutes])).evaluate(crawl([page]), asOf: Self.asOf)
        .findings[0].status
    }
    #expect(verdict("Istungi protokoll 02.11.2026") == .pass)
    #expect(verdict("Istungi protokoll 14.05.2026") == .partial)
    #expect(verdict("Istungi protokoll") == .partial)
    #expect(verdict("Teatis") == .fail)
  }

  /// A document table gives the date in a column of its own: the row dates the evidence.
  @Test func tableRowsDateTheirLinks() throws {
    let minutes = rule(
      "council.minutes", match: .of(LinkTest(text: phrases("protokoll*"))),
      fresh: .days(120))
    func finding(_ context: String?) -> Finding {
      let page = home(links: [
        Link(
          text: "Volikogu istungi protokoll nr 24", url: "https://www.test.ee/p24.pdf",
          region: .main, context: context)
      ])
      return Evaluator(ruleSet: ruleSet([minutes])).evaluate(crawl([page]), asOf: Self.asOf)
        .findings[0]
    }
    let dated = finding("24.09.2026 Volikogu istungi protokoll nr 24 PDF")
    #expect(dated.status == .pass)
    #expect(dated.evidence.first?.snippet == "24.09.2026 Volikogu istungi protokoll nr 24 PDF")
    #expect(finding("14.03.2026 Volikogu istungi protokoll nr 24 PDF").status == .partial)
    #expect(finding(nil).status == .partial)
  }

  @Test func linkBorrowsTheDatesOfTheCrawledTargetPage() {
    let agendas = rule(
      "council.agendas", match: .of(LinkTest(text: phrases("päevakor*"))), fresh: .days(90))
    let index = home(links: [
      Link(text: "Päevakorrad", url: "https://www.test.ee/paevakord", region: .nav)
    ])
    func verdict(_ dates: [Day]) -> FindingStatus {
      let target = PageFacts(url: "https://www.test.ee/paevakord", depth: 1, dates: dates)
      return Evaluator(ruleSet: ruleSet([agendas])).evaluate(
        crawl([index, target]), asOf: Self.asOf
      ).findings[0].status
    }
    #expect(verdict([Day(iso: "2026-11-12")!]) == .pass)
    #expect(verdict([Day(iso: "2026-01-12")!]) == .partial)
  }

  @Test func anUndatedLinkIntoALiveSystemIsCurrent() {
    var agendas = rule(
      "council.agendas", match: .of(LinkTest(text: phrases("päevakor*"))), fresh: .days(90))
    agendas.liveHosts = ["volis.ee"]
    func finding(_ links: [Link]) -> Finding {
      Evaluator(ruleSet: ruleSet([agendas])).evaluate(crawl([home(links: links)]), asOf: Self.asOf)
        .findings[0]
    }
    let stale = Link(
      text: "Istungi päevakord 14.12.2023", url: "https://www.test.ee/p.pdf", region: .main)
    let volis = Link(
      text: "VOLIS: istungite päevakorrad", url: "https://vald.volis.ee/", region: .main)
    let live = finding([stale, volis])
    #expect(live.status == .pass)
    #expect(live.reason == Reason(.liveSystem, ["host": "volis.ee"]))
    #expect(live.evidence.first?.target == "https://vald.volis.ee/")
    // Elsewhere an undated link is not current, and without the live host neither is VOLIS.
    let elsewhere = Link(
      text: "Istungite päevakorrad", url: "https://www.test.ee/paevakorrad", region: .main)
    #expect(finding([stale, elsewhere]).status == .partial)
    agendas.liveHosts = []
    #expect(finding([stale, volis]).status == .partial)
  }

  @Test func aPlanIsCurrentWhileItsPeriodRuns() {
    let plan = rule(
      "plan.development", match: .of(LinkTest(text: phrases("arengukava*"))), fresh: .running)
    func finding(_ texts: String...) -> Finding {
      let links = texts.enumerated().map {
        Link(text: $1, url: "https://www.test.ee/a\($0).pdf", region: .main)
      }
      return Evaluator(ruleSet: ruleSet([plan])).evaluate(
        crawl([home(links: links)]), asOf: Self.asOf
      )
      .findings[0]
    }
    #expect(finding("Arengukava 2022–2035").status == .pass)
    #expect(finding("Arengukava").status == .pass)
    let ended = finding("Arengukava 2016–2023", "Arengukava 2014–2020")
    #expect(ended.status == .partial)
    #expect(ended.reason == Reason(.periodEnded, ["year": "2023"]))
    #expect(finding("Arengukava 2016–2023", "Arengukava 2024–2030").status == .pass)
  }

  @Test func standingRulesTakeNoEvidenceFromNewsItems() {
    var members = rule("council.members", match: .of(HeadingTest(words: phrases("volikogu"))))
    func status(_ url: String) -> FindingStatus {
      let page = PageFacts(
        url: url, depth: 1, headings: [Heading(level: 1, text: "Volikogu liikmed")])
      var set = ruleSet([members])
      set.locale.newsWords = ["uudised"]
      return Evaluator(ruleSet: set).evaluate(crawl([home(), page]), asOf: Self.asOf)
        .findings[0].status
    }
    #expect(status("https://www.test.ee/uudised/volikogu") == .pass)
    members.standing = true
    #expect(status("https://www.test.ee/uudised/volikogu") == .fail)
    #expect(status("https://www.test.ee/volikogu") == .pass)
  }

  @Test func aPageALinkNamesAsNewsIsANewsItemButNotTheStartPage() {
    var members = rule("council.members", match: .of(HeadingTest(words: phrases("volikogu"))))
    members.standing = true
    func status(newsLink: String, to target: String, heading: String = "Tere tulemast")
      -> FindingStatus
    {
      let index = PageFacts(
        url: "https://www.test.ee/", headings: [Heading(level: 1, text: heading)],
        links: [Link(text: newsLink, url: target, region: .nav)])
      let page = PageFacts(
        url: "https://www.test.ee/leht/12", depth: 1,
        headings: [Heading(level: 1, text: "Volikogu liikmed")])
      var set = ruleSet([members])
      set.locale.newsWords = ["uudised", "uudis"]
      return Evaluator(ruleSet: set).evaluate(crawl([index, page]), asOf: Self.asOf)
        .findings[0].status
    }
    #expect(status(newsLink: "Valla uudised", to: "https://www.test.ee/leht/12") == .fail)
    #expect(status(newsLink: "Vallauudised", to: "https://www.test.ee/leht/12") == .fail)
    #expect(status(newsLink: "Liikmed", to: "https://www.test.ee/leht/12") == .pass)
    // Words besides the news word make it a headline, not a news list's name.
    #expect(
      status(newsLink: "Uudised volikogu tööst ja otsustest", to: "https://www.test.ee/leht/12")
        == .pass)
    // A site that opens with its news, linked as "Uudised", keeps its start page standing.
    #expect(
      status(newsLink: "Uudised", to: "https://www.test.ee/", heading: "Volikogu liikmed")
        == .pass)
  }

  @Test func futureDatesCountOnlyInTheEvidenceItself() {
    let agendas = rule(
      "council.agendas", match: .of(LinkTest(text: phrases("päevakor*"))), fresh: .days(90))
    func verdict(linkText: String, targetDates: [Day]) -> FindingStatus {
      let index = home(links: [
        Link(text: linkText, url: "https://www.test.ee/paevakord", region: .main)
      ])
      let target = PageFacts(url: "https://www.test.ee/paevakord", depth: 1, dates: targetDates)
      return Evaluator(ruleSet: ruleSet([agendas])).evaluate(
        crawl([index, target]), asOf: Self.asOf
      )
      .findings[0].status
    }
    // The next session's agenda, dated ahead, is current.
    #expect(verdict(linkText: "Istungi päevakord 10.12.2026", targetDates: []) == .pass)
    // A page that only announces the next session, with an old agenda, is not.
    let announced = [Day(iso: "2026-12-10")!, Day(iso: "2026-08-20")!]
    #expect(verdict(linkText: "Päevakorrad", targetDates: announced) == .partial)
  }

  @Test func yearFreshnessAcceptsRangesCoveringTheAuditYear() {
    let budget = rule(
      "council.budget", match: .of(DocumentTest(text: phrases("eelarve*"))),
      fresh: .years(0))
    func verdict(_ text: String) -> FindingStatus {
      let page = PageFacts(
        url: "https://www.test.ee/",
        documents: [DocumentLink(url: "https://www.test.ee/e.pdf", text: text, type: "pdf")])
      return Evaluator(ruleSet: ruleSet([budget])).evaluate(crawl([page]), asOf: Self.asOf)
        .findings[0].status
    }
    #expect(verdict("Valla eelarve 2026") == .pass)
    #expect(verdict("Eelarvestrateegia 2025–2028") == .pass)
    #expect(verdict("Valla eelarve 2025") == .partial)
  }

  @Test func brokenLinksAndErrorPagesAreNoEvidence() {
    let minutes = rule("council.minutes", match: .of(LinkTest(text: phrases("protokoll*"))))
    let index = home(links: [
      Link(text: "Protokollid", url: "https://www.test.ee/puudub", region: .nav)
    ])
    let missing = PageFacts(url: "https://www.test.ee/puudub", depth: 1, status: 404)
    let result = Evaluator(ruleSet: ruleSet([minutes])).evaluate(
      crawl([index, missing]), asOf: Self.asOf)
    #expect(result.findings[0].status == .fail)

    let errorPage = PageFacts(
      url: "https://www.test.ee/x", status: 500, title: "Protokollid", links: index.links)
    let onError = Evaluator(ruleSet: ruleSet([minutes])).evaluate(
      crawl([errorPage]), asOf: Self.asOf)
    #expect(onError.findings[0].status == .fail)
  }

  /// A menu item leading to a missing page mentions the thing only in words no resident can
  /// follow: its text is no weaker evidence either, unless the page says it elsewhere too.
  @Test func wordsOfBrokenLinksAreNoMention() {
    let youth = rule(
      "participation.youth", match: .of(LinkTest(text: phrases("noortevolikogu*"))),
      partial: .of(TextTest(words: phrases("noortevolikogu*"))))
    let link = Link(text: "Noortevolikogu", url: "https://www.test.ee/noored", region: .nav)
    let missing = PageFacts(url: "https://www.test.ee/noored", depth: 1, status: 404)
    func verdict(_ text: String) -> FindingStatus {
      let index = home(links: [link], text: text)
      return Evaluator(ruleSet: ruleSet([youth])).evaluate(
        crawl([index, missing]), asOf: Self.asOf
      ).findings[0].status
    }
    #expect(verdict("Avaleht Noortevolikogu Uudised") == .fail)
    #expect(
      verdict("Avaleht Noortevolikogu Uudised. Noortevolikogu valimised on mais.") == .partial)
  }

  @Test func redirectedLinkTargetsAreFollowed() {
    let minutes = rule(
      "council.minutes", match: .of(LinkTest(text: phrases("protokoll*"))), fresh: .days(120)
    )
    let index = home(links: [
      Link(text: "Protokollid", url: "https://www.test.ee/vana", region: .nav)
    ])
    let target = PageFacts(
      url: "https://www.test.ee/uus", depth: 1, dates: [Day(iso: "2026-11-01")!])
    var site = crawl([index, target])
    site.redirects = ["https://www.test.ee/vana": "https://www.test.ee/uus"]
    #expect(
      Evaluator(ruleSet: ruleSet([minutes])).evaluate(site, asOf: Self.asOf).findings[0].status
        == .pass)
  }

  @Test func combinatorsAndPartialEvidence() {
    let contact = rule(
      "council.contact",
      match: .all([
        .of(ContactCountTest(kind: .email, atLeast: 1)),
        .of(ContactCountTest(kind: .phone, atLeast: 1)),
        .not(.of(TextTest(words: phrases("arhiiv")))),
      ]),
      partial: .any([
        .of(ContactCountTest(kind: .email, atLeast: 1)),
        .of(ContactCountTest(kind: .phone, atLeast: 1)),
      ]))
    func verdict(_ page: PageFacts) -> FindingStatus {
      Evaluator(ruleSet: ruleSet([contact])).evaluate(crawl([page]), asOf: Self.asOf).findings[0]
        .status
    }
    #expect(
      verdict(
        PageFacts(url: "https://www.test.ee/", emails: ["a@test.ee"], phones: ["+3727401234"]))
        == .pass)
    #expect(
      verdict(
        PageFacts(
          url: "https://www.test.ee/", text: "Arhiiv", emails: ["a@test.ee"],
          phones: ["+3727401234"])) == .partial)
    #expect(verdict(PageFacts(url: "https://www.test.ee/", phones: ["+3727401234"])) == .partial)
    #expect(verdict(PageFacts(url: "https://www.test.ee/")) == .fail)
  }

  @Test func contactCountsNeedDistinctAddresses() {
    let directory = rule("council.staff", match: .of(ContactCountTest(kind: .email, atLeast: 3)))
    func verdict(_ emails: [String]) -> FindingStatus {
      let page = PageFacts(url: "https://www.test.ee/", emails: emails)
      return Evaluator(ruleSet: ruleSet([directory])).evaluate(crawl([page]), asOf: Self.asOf)
        .findings[0].status
    }
    #expect(verdict(["a@test.ee", "b@test.ee", "c@test.ee"]) == .pass)
    #expect(verdict(["info@test.ee", "info@test.ee", "b@test.ee"]) == .fail)
  }

  @Test func freshnessSeesEveryMatchingLinkOnAPage() {
    let budget = rule(
      "council.budget", match: .of(LinkTest(text: phrases("eelarve*"))), fresh: .years(0))
    let page = home(links: [
      Link(text: "Eelarve 2025", url: "https://www.test.ee/e2025", region: .main),
      Link(text: "Eelarve 2026", url: "https://www.test.ee/e2026", region: .main),
    ])
    let finding = Evaluator(ruleSet: ruleSet([budget])).evaluate(crawl([page]), asOf: Self.asOf)
      .findings[0]
    #expect(finding.status == .pass)
  }

  @Test func lastModifiedAloneDoesNotMakeEvidenceFresh() {
    let minutes = rule(
      "council.minutes", match: .of(HeadingTest(words: phrases("protokoll*"))), fresh: .days(120))
    var page = PageFacts(
      url: "https://www.test.ee/", headings: [Heading(level: 1, text: "Protokollid")])
    page.lastModified = Self.asOf
    #expect(
      Evaluator(ruleSet: ruleSet([minutes])).evaluate(crawl([page]), asOf: Self.asOf).findings[0]
        .status == .partial)
  }

  @Test func theStrongestEvidenceComesFirst() {
    let contact = rule(
      "council.contact",
      match: .all([.of(RegexTest(pattern: #"\d{5}"#)), .of(TitleTest(words: phrases("kontakt")))]))
    let page = PageFacts(url: "https://www.test.ee/", title: "Kontakt", text: "Tänav 1, 61501 Elva")
    let evidence = Evaluator(ruleSet: ruleSet([contact])).evaluate(crawl([page]), asOf: Self.asOf)
      .findings[0].evidence
    // A page about the thing (its title) before a mention in its text.
    #expect(evidence.map(\.kind) == ["title", "text"])
  }

  @Test func aPageNamedByItsMainHeadingRanksAboveALinkAndBelowADocument() {
    let linkAndPage = rule(
      "council.plan",
      match: .all([
        .of(LinkTest(text: phrases("arengukava"))), .of(PageNameTest(words: phrases("arengukava"))),
      ]))
    var page = PageFacts(
      url: "https://www.test.ee/arengukava", title: "Vald",
      headings: [Heading(level: 2, text: "Uudised"), Heading(level: 1, text: "Valla arengukava")],
      links: [Link(text: "Arengukava", url: "https://www.test.ee/arengukava", region: .nav)])
    let link = Evaluator(ruleSet: ruleSet([linkAndPage])).evaluate(crawl([page]), asOf: Self.asOf)
      .findings[0].evidence
    #expect(link.map(\.kind) == ["page", "link"], "\(link)")
    #expect(link.first?.snippet == "Valla arengukava")
    page.documents = [
      DocumentLink(url: "https://www.test.ee/arengukava.pdf", text: "Arengukava", type: "pdf")
    ]
    let all = rule(
      "council.plan",
      match: .all([
        .of(LinkTest(text: phrases("arengukava"))), .of(PageNameTest(words: phrases("arengukava"))),
        .of(DocumentTest(text: phrases("arengukava"))),
      ]))
    let document = Evaluator(ruleSet: ruleSet([all])).evaluate(crawl([page]), asOf: Self.asOf)
      .findings[0].evidence
    #expect(document.map(\.kind) == ["document", "page", "link"], "\(document)")
  }

  @Test func onlyTheMainHeadingNamesThePage() {
    let plan = rule("council.plan", match: .of(PageNameTest(words: phrases("arengukava"))))
    let page = PageFacts(
      url: "https://www.test.ee/uudised", title: "Uudised",
      headings: [Heading(level: 1, text: "Uudised"), Heading(level: 2, text: "Arengukava")])
    let result = Evaluator(ruleSet: ruleSet([plan])).evaluate(crawl([page]), asOf: Self.asOf)
    #expect(result.findings[0].status == .fail)
  }

  @Test func aStatementIsOneSentenceNamingTheSystemAndWhatItKeeps() {
    let acts = rule(
      "council.acts",
      match: .of(
        StatementTest(system: phrases("riigi teataja"), what: phrases("määrused"))))
    func status(_ text: String) -> FindingStatus {
      Evaluator(ruleSet: ruleSet([acts])).evaluate(crawl([home(text: text)]), asOf: Self.asOf)
        .findings[0].status
    }
    #expect(status("Valla määrused avaldatakse Riigi Teatajas. Vaata ka uudiseid.") == .pass)
    #expect(status("Määrused jõustuvad 1. jaanuaril. Riigi Teataja on riigi väljaanne.") == .fail)
  }

  @Test func aMenuLinkRepeatedOnEveryPageIsShownOnceAfterADocument() {
    let budget = rule(
      "council.budget",
      match: .any([
        .of(LinkTest(text: phrases("eelarve*"))), .of(DocumentTest(text: phrases("eelarve*"))),
      ]))
    let menu = Link(text: "Eelarve", url: "https://www.test.ee/eelarve", region: .nav)
    let pages = (0..<4).map { index in
      PageFacts(url: "https://www.test.ee/leht\(index)", depth: 1, links: [menu])
    }
    // The budget document is on a page of its own, without the menu.
    var last = PageFacts(url: "https://www.test.ee/dokumendid", depth: 1)
    last.documents = [
      DocumentLink(
        url: "https://www.test.ee/eelarve-2026.pdf", text: "Valla eelarve 2026", type: "pdf")
    ]
    let evidence = Evaluator(ruleSet: ruleSet([budget]))
      .evaluate(crawl(Array(pages.prefix(3)) + [last]), asOf: Self.asOf).findings[0].evidence
    #expect(evidence.map(\.kind) == ["document", "link"], "\(evidence)")
  }

  @Test func aDateIsShownOnlyWhereTheEvidenceGivesOne() {
    let register = rule(
      "council.register", match: .of(LinkTest(text: phrases("dokumendiregister"))))
    var home = PageFacts(
      url: "https://www.test.ee/",
      links: [
        Link(text: "Dokumendiregister", url: "https://www.test.ee/dhs", region: .nav)
      ])
    home.depth = 0
    let target = PageFacts(
      url: "https://www.test.ee/dhs", depth: 1, dates: [Day(iso: "2018-01-01")!])
    let evidence = Evaluator(ruleSet: ruleSet([register]))
      .evaluate(crawl([home, target]), asOf: Self.asOf).findings[0].evidence
    #expect(evidence.first?.date == nil, "\(evidence)")
  }

  @Test func scopeLimitsThePagesExamined() {
    let onHome = rule(
      "council.home", match: .of(TitleTest(words: phrases("volikogu"))), scope: .home)
    let deep = PageFacts(url: "https://www.test.ee/a", depth: 2, title: "Volikogu")
    let result = Evaluator(ruleSet: ruleSet([onHome])).evaluate(
      crawl([home(), deep]), asOf: Self.asOf)
    #expect(result.findings[0].status == .fail)
  }

  @Test func linkHostsMatchSubdomains() {
    let register = rule("council.register", match: .of(LinkTest(hosts: ["amphora.ee"])))
    let page = home(links: [
      Link(text: "Dokumendiregister", url: "https://test.amphora.ee/x", region: .main)
    ])
    #expect(
      Evaluator(ruleSet: ruleSet([register])).evaluate(crawl([page]), asOf: Self.asOf).findings[0]
        .status == .pass)
  }

  @Test func embedsMatchByHostAndAddress() throws {
    let video = rule(
      "council.recordings",
      match: .any([
        .of(EmbedTest(hosts: ["youtube.com"])),
        .of(EmbedTest(url: #"facebook\.com/plugins/video"#)),
      ]))
    func verdict(_ embeds: [String]) -> Finding {
      var page = home()
      page.embeds = embeds
      return Evaluator(ruleSet: ruleSet([video])).evaluate(crawl([page]), asOf: Self.asOf)
        .findings[0]
    }
    let player = verdict(["https://www.youtube.com/embed/abc"])
    #expect(player.status == .pass)
    #expect(player.evidence.first?.kind == "embed")
    #expect(player.evidence.first?.target == "https://www.youtube.com/embed/abc")
    #expect(verdict(["https://www.facebook.com/plugins/video.php?href=x"]).status == .pass)
    #expect(verdict(["https://www.facebook.com/plugins/page.php?href=x"]).status == .fail)
    #expect(
      verdict(["https://notyoutube.com/embed/abc", "https://maps.example/x"]).status == .fail)
  }

  @Test func httpsNeedsTheRedirectToo() {
    let https = rule("site.https", area: "site", match: .of(HTTPSTest()))
    func verdict(_ facts: HTTPSFacts) -> FindingStatus {
      Evaluator(ruleSet: ruleSet([https])).evaluate(crawl([home()], https: facts), asOf: Self.asOf)
        .findings[0].status
    }
    #expect(verdict(HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: true)) == .pass)
    #expect(verdict(HTTPSFacts(servedOverHTTPS: true, httpRedirectsToHTTPS: false)) == .fail)
    #expect(verdict(HTTPSFacts(servedOverHTTPS: false, httpRedirectsToHTTPS: nil)) == .fail)
  }

  @Test func unreachableSitesAreUnknownAndHaveNoScore() {
    let minutes = rule("council.minutes", match: .of(LinkTest(text: phrases("protokoll*"))))
    let site = SiteCrawl(
      site: Site(name: "X", url: "https://x.ee/"), outcome: .unreachable(reason: "timeout"))
    let result = Evaluator(ruleSet: ruleSet([minutes])).evaluate(site, asOf: Self.asOf)
    #expect(result.findings.map(\.status) == [.unknown])
    #expect(result.findings[0].reason == Reason(.notCrawled, ["detail": "timeout"]))
    #expect(result.total == nil)
    #expect(result.areas.isEmpty)
    #expect(result.status == .unreachable)
  }

  @Test func scoresWeighAreasAndPartialCredit() {
    let rules = [
      rule("council.a", weight: 3, match: .of(TitleTest(words: phrases("a")))),
      rule(
        "council.b", weight: 1, match: .of(TitleTest(words: phrases("b"))),
        partial: .of(TitleTest(words: phrases("c")))),
      rule("site.c", area: "site", weight: 4, match: .of(TitleTest(words: phrases("zzz")))),
    ]
    let page = PageFacts(url: "https://www.test.ee/", title: "a c")
    let result = Evaluator(ruleSet: ruleSet(rules)).evaluate(crawl([page]), asOf: Self.asOf)
    #expect(
      result.areas == [AreaScore(area: "council", score: 87.5), AreaScore(area: "site", score: 0)])
    #expect(result.total == 43.8)
  }

  @Test func rankingSharesRanksOnTies() {
    func result(_ name: String, _ total: Double) -> SiteResult {
      SiteResult(
        site: Site(name: name, url: "https://\(name).ee/"), outcome: .crawled, pagesCrawled: 1,
        total: total, areas: [], findings: [])
    }
    let card = ScorecardBuilder.build(
      ruleSet: ruleSet([]), asOf: Self.asOf,
      results: [result("b", 50), result("a", 80), result("c", 50), result("d", 10)])
    #expect(card.sites.map(\.site.name) == ["a", "b", "c", "d"])
    #expect(card.sites.map(\.rank) == [1, 2, 2, 4])
  }

  @Test func sitesNotAuditedHaveNoRankOrBandAndAreNotCounted() {
    let minutes = rule("council.minutes", match: .of(TitleTest(words: phrases("protokoll"))))
    let evaluator = Evaluator(ruleSet: ruleSet([minutes]))
    func crawled(_ name: String, _ title: String) -> SiteResult {
      evaluator.evaluate(
        SiteCrawl(
          site: Site(name: name, url: "https://\(name).ee/"), outcome: .crawled,
          pages: [PageFacts(url: "https://\(name).ee/", title: title)]), asOf: Self.asOf)
    }
    func notAudited(_ name: String, _ outcome: CrawlOutcome) -> SiteResult {
      evaluator.evaluate(
        SiteCrawl(site: Site(name: name, url: "https://\(name).ee/"), outcome: outcome),
        asOf: Self.asOf)
    }
    let card = ScorecardBuilder.build(
      ruleSet: ruleSet([minutes]), asOf: Self.asOf,
      results: [
        notAudited("aaa", .unreachable(reason: "refused")), crawled("low", "avaleht"),
        notAudited("ccc", .closedByRobots(reason: "robots.txt disallows crawling")),
        crawled("high", "protokoll"), notAudited("bbb", .incomplete(reason: "archive damaged")),
      ])
    // The audited sites ranked first (a 0.0 site among them), then the others by name.
    #expect(card.sites.map(\.site.name) == ["high", "low", "aaa", "bbb", "ccc"])
    #expect(card.sites.map(\.rank) == [1, 2, nil, nil, nil])
    #expect(card.sites.map(\.total) == [100, 0, nil, nil, nil])
    #expect(card.sites.map(\.band) == [.green, .red, nil, nil, nil])
    #expect(
      card.sites.map(\.status) == [.audited, .audited, .unreachable, .incomplete, .closedByRobots])
    // "1 of 2 sites pass": the unknown findings of the sites not audited are not counted.
    #expect(card.criteria[0].counts == StatusCounts(pass: 1, fail: 1))
  }
}

extension Predicate {
  /// A predicate of one family's test, as a rule file would read it.
  static func of(_ family: some PredicateFamily) -> Predicate { .test(PredicateTest(family)) }
}
