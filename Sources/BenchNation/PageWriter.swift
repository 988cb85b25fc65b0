import FixtureServer

/// Writes one page of a ``SyntheticNation`` site: markup-heavy like real municipal CMS pages
/// (about a fifth of the bytes is visible text in the plain corpus), sized 25–50 KB. The corpus
/// chooses the title, the wording, the article (`PageWriter+Dense` for the dense one), the link
/// texts and where links point.
struct PageWriter {
  let site: Int
  let page: Int
  let nation: SyntheticNation
  var random: SplitMix64
  private var out: [UInt8] = []

  init(site: Int, page: Int, nation: SyntheticNation) {
    self.site = site
    self.page = page
    self.nation = nation
    random = SplitMix64(seed: UInt64(site) &* 1_000_003 &+ UInt64(page))
  }

  static let words = [
    "vald", "vallavalitsus", "volikogu", "istung", "otsus", "määrus", "eelarve", "aruanne",
    "elanik",
    "teenus", "taotlus", "toetus", "korraldus", "haridus", "kool", "lasteaed", "noored", "kultuur",
    "spordi", "raamatukogu", "tee", "hooldus", "planeering", "ehitus", "luba", "keskkond",
    "jäätmed",
    "vesi", "kanalisatsioon", "sotsiaal", "hoolekanne", "pere", "eakad", "puudega", "inimesed",
    "tähtaeg", "esitada", "kinnitas", "arutas", "komisjon", "ettepanek", "avalik", "arutelu",
    "küla", "alevik", "piirkond", "maakond", "koostöö", "arengukava", "investeering", "hange",
    "leping", "riigihange", "läbipaistvus", "õigusakt", "kodulehel", "dokumendiregister",
    "teavitus",
    "ühistransport", "bussiliin", "tänavavalgustus", "lumetõrje", "põhikool", "gümnaasium",
    "huviring",
    "õpilane", "õpetaja", "töötaja", "ametnik", "vallavanem", "esimees", "liige", "fraktsioon",
    "hääletus", "protokoll", "päevakord", "kuulutus", "teade", "muudatus", "kehtestamine",
    "menetlus",
    "ja", "ning", "või", "et", "kui", "mis", "on", "oli", "saab", "tuleb", "peab", "aastal",
    "kohta",
    "alusel", "vastavalt", "jaoks", "ülevaade", "tulemus", "küsimus", "vastus", "periood", "määr",
  ]

  static let topics = [
    "teade", "otsus", "teenus", "toetus", "kord", "ulevaade", "kuulutus", "arutelu", "leht", "info",
  ]

  static func slug(_ page: Int) -> String { topics[(page / 10) % topics.count] }

  mutating func html() -> [UInt8] {
    let target = 25_000 + Int(random.next() % 25_000)
    out.reserveCapacity(target + 4096)
    let name = "Vald \(site + 1)"
    let title = page == 0 ? name : pageTitle()
    write("<!DOCTYPE html>\n<html lang=\"et\" dir=\"ltr\"><head><meta charset=\"utf-8\">")
    write(
      "<title>\(title) | \(name)</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )
    write("<meta name=\"description\" content=\"\(sentence(words: 12, period: true))\">")
    for sheet in ["main", "portlets", "clay", "print", "cookie"] {
      write(
        "<link rel=\"stylesheet\" href=\"/o/kov-theme/css/\(sheet).css?browserId=other&amp;themeId=kovtp_WAR&amp;t=1718\(sheet.count)\" type=\"text/css\">"
      )
    }
    write(
      "<script>var themeDisplay={getLanguageId:function(){return \"et_EE\"},getPortalURL:function(){return \"\"},"
    )
    write(
      "getPathThemeImages:function(){return \"/o/kov-theme/images\"},getScopeGroupId:function(){return \"\(20_000 + site)\"}};</script>"
    )
    write(
      "</head><body class=\"controls-visible signed-out public-page site lfr-layout\"><a class=\"skip\" href=\"#main-content\">Liigu sisu juurde</a>"
    )
    header(name)
    navigation()
    write(
      "<main id=\"main-content\" class=\"container-fluid\"><div class=\"row\"><div class=\"col-md-8 portlet-column\">"
    )
    breadcrumb(title)
    switch nation.corpus {
    case .plain: article(title)
    case .dense: denseArticle(title, municipality: name)
    }
    write("</div><aside class=\"col-md-4 portlet-column\">")
    related()
    write("</aside></div></main>")
    footer(name)
    padding(to: target)
    write("</body></html>\n")
    return out
  }

  private mutating func header(_ name: String) {
    write(
      "<header class=\"site-header\" role=\"banner\"><div class=\"container\"><a class=\"logo\" href=\"/\" title=\"\(name) avaleht\">"
    )
    write("<svg class=\"lexicon-icon\" viewBox=\"0 0 512 512\" aria-hidden=\"true\"><path d=\"")
    for step in 0..<60 {
      write(
        "M\(step * 7 % 512) \(step * 13 % 512)l\(step % 9) \(step % 7)h\(step % 5)v\(step % 11)z")
    }
    write("\"></path></svg><span class=\"sr-only\">\(name)</span></a>")
    write(
      "<form class=\"search\" action=\"/otsing\" method=\"get\"><label for=\"q\" class=\"sr-only\">Otsi</label>"
    )
    write(
      "<input id=\"q\" name=\"q\" type=\"search\" placeholder=\"Otsi lehelt\"><button type=\"submit\">Otsi</button></form>"
    )
    write(
      "<ul class=\"languages\"><li><a href=\"/\" lang=\"et\">ET</a></li><li><a href=\"/otsing?keel=ru\" lang=\"ru\">RU</a></li>"
    )
    write("<li><a href=\"/otsing?keel=en\" lang=\"en\">EN</a></li></ul></div></header>")
  }

  /// The menu: ten section pages and two sub-pages under each, the same on every page.
  private mutating func navigation() {
    write(
      "<nav class=\"main-nav navbar\" aria-label=\"Peamenüü\"><ul class=\"nav navbar-nav\" role=\"menubar\">"
    )
    for (index, section) in SyntheticNation.sections.enumerated() {
      let sectionPage = min(nation.pages - 1, index == 0 ? 10 : index)
      write(
        "<li class=\"lfr-nav-item dropdown\" role=\"presentation\"><a class=\"dropdown-toggle\" href=\"\(nation.link(to: sectionPage))\" role=\"menuitem\"><span>\(section.1)</span></a>"
      )
      write("<ul class=\"child-menu dropdown-menu\" role=\"menu\">")
      for sub in 1...2 {
        let target = (index + sub * 10) % nation.pages
        write(
          "<li class=\"lfr-nav-item\" role=\"presentation\"><a href=\"\(nation.link(to: target))\" role=\"menuitem\">\(linkText(to: target, words: 2))</a></li>"
        )
      }
      write("</ul></li>")
    }
    write("</ul></nav>")
  }

  private mutating func breadcrumb(_ title: String) {
    let section = SyntheticNation.sections[page % SyntheticNation.sections.count]
    write(
      "<nav aria-label=\"Asukoht\"><ol class=\"breadcrumb\"><li class=\"breadcrumb-item\"><a href=\"/\">Avaleht</a></li>"
    )
    write(
      "<li class=\"breadcrumb-item\"><a href=\"\(nation.link(to: min(nation.pages - 1, max(1, page % 10))))\">\(section.1)</a></li>"
    )
    write("<li class=\"breadcrumb-item active\" aria-current=\"page\">\(title)</li></ol></nav>")
  }

  private mutating func article(_ title: String) {
    write(
      "<article class=\"journal-content-article\" data-analytics-asset-id=\"\(site * 100_000 + page)\"><h1 class=\"page-title\">\(title)</h1>"
    )
    write("<p class=\"meta\">Avaldatud \(1 + page % 28).\(1 + page % 12).2026</p>")
    let paragraphs = 5 + Int(random.next() % 8)
    for index in 0..<paragraphs {
      if index % 3 == 2 { write("<h2>\(sentence(words: 4, period: false))</h2>") }
      write("<p>")
      for _ in 0..<(3 + Int(random.next() % 4)) {
        write(sentence(words: 8 + Int(random.next() % 10), period: true) + " ")
      }
      write("</p>")
    }
    write("<ul class=\"documents\">")
    for document in 0..<3 {
      write(
        "<li><a class=\"file pdf\" href=\"/documents/\(20_000 + site)/\(page * 10 + document)/dokument-\(document).pdf\">\(sentence(words: 3, period: false)) (PDF)</a></li>"
      )
    }
    write("</ul></article>")
  }

  /// Ten related pages, the next page first, so every page is reachable from the home page.
  private mutating func related() {
    write("<section class=\"related\"><h2>Seotud lehed</h2><ul>")
    for index in 0..<10 {
      let target =
        index == 0 ? (page + 1) % nation.pages : (page * 7 + index * 13 + 1) % nation.pages
      write(
        "<li><a href=\"\(nation.link(to: target))\">\(linkText(to: target, words: 3))</a></li>"
      )
    }
    write("</ul><p><a href=\"/otsing?q=\(page)\">Otsi sarnaseid</a></p></section>")
  }

  private mutating func footer(_ name: String) {
    write(
      "<footer class=\"site-footer\" role=\"contentinfo\"><div class=\"container\"><div class=\"contact\"><h2>\(name)</h2>"
    )
    write(
      "<p>Vallamaja tee \(site % 40 + 1), \(name), 12345 Maakond</p><p>Telefon <a href=\"tel:+372600\(1000 + site)\">+372 600 \(1000 + site)</a></p>"
    )
    write(
      "<p>E-post <a href=\"mailto:info@vald\(site + 1).ee\">info@vald\(site + 1).ee</a></p></div>")
    write(
      "<ul class=\"external\"><li><a href=\"https://www.riigiteataja.ee/\">Riigi Teataja</a></li><li><a href=\"https://www.facebook.com/vald\(site + 1)\">Facebook</a></li>"
    )
    write("<li><a href=\"https://vald\(site + 1).amphora.ee/\">Dokumendiregister</a></li></ul>")
    if nation.corpus == .dense { denseFooterLinks() }
    write("</div></footer>")
  }

  /// An inline configuration script (as CMSs embed) up to the page's size.
  private mutating func padding(to target: Int) {
    write("<script type=\"application/json\" id=\"portal-config\">{\"portlets\":[")
    var index = 0
    while out.count < target - 40 {
      write(
        "{\"id\":\"com_liferay_journal_web_portlet_\(index)\",\"instance\":\"\(random.next() % 1_000_000_000)\",\"ajax\":false},"
      )
      index += 1
    }
    write("{}]}</script>")
  }

  /// A title of a page other than the home page.
  private mutating func pageTitle() -> String {
    switch nation.corpus {
    case .plain: sentence(words: 3 + Int(random.next() % 4), period: false)
    case .dense: Self.denseTitle(of: page)
    }
  }

  /// The text of a link to page `target`: the same on every page that links there.
  private mutating func linkText(to target: Int, words: Int) -> String {
    switch nation.corpus {
    case .plain: sentence(words: words, period: false, seed: UInt64(target))
    case .dense: target == 0 ? "Avaleht" : Self.denseTitle(of: target)
    }
  }

  mutating func sentence(words count: Int, period: Bool, seed: UInt64? = nil) -> String {
    var generator = seed.map { SplitMix64(seed: $0 &* 31 &+ UInt64(site)) } ?? random
    let vocabulary = nation.corpus == .dense ? DenseVocabulary.words : Self.words
    var words: [String] = []
    for _ in 0..<count {
      words.append(vocabulary[Int(generator.next() % UInt64(vocabulary.count))])
    }
    if seed == nil { random = generator }
    let text = words.joined(separator: " ")
    return text.prefix(1).uppercased() + text.dropFirst() + (period ? "." : "")
  }

  mutating func write(_ text: String) { out.append(contentsOf: text.utf8) }
}
