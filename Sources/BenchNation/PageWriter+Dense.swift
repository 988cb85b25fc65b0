import FixtureServer

/// The parts of a dense page (see ``Corpus/dense``): an article whose running text, headings,
/// members and staff lists, session table, documents, opening hours and Russian and English
/// paragraphs carry what every default rule looks for, and the footer's service links.
extension PageWriter {
  /// The title of page `page` (not the home page): one of its section's titles, dated on every
  /// page but the sections' landing pages.
  static func denseTitle(of page: Int) -> String {
    let sections = SyntheticNation.sections.count
    let titles = DenseVocabulary.titles[page % sections]
    let title = titles[(page / sections) % titles.count]
    return page > sections ? "\(title) \(BenchDate(page: page).numeric)" : title
  }

  mutating func denseArticle(_ title: String, municipality name: String) {
    write(
      "<article class=\"journal-content-article\" data-analytics-asset-id=\"\(site * 100_000 + page)\"><h1 class=\"page-title\">\(title)</h1>"
    )
    let published = BenchDate(&random)
    write("<p class=\"meta\">Avaldatud \(published.numeric), muudetud \(published.iso)</p>")
    for index in 0..<(3 + Int(random.next() % 4)) {
      if index % 2 == 1 { write("<h2>\(pick(DenseVocabulary.headings))</h2>") }
      write("<p>")
      for _ in 0..<(2 + Int(random.next() % 3)) {
        write(sentence(words: 8 + Int(random.next() % 10), period: true) + " ")
      }
      write(BenchDate(&random).fill(pick(DenseVocabulary.datedSentences)) + "</p>")
    }
    councilMembers(name)
    sessions()
    documents()
    staff()
    hours()
    foreignParagraphs()
    write("</article>")
  }

  /// Accessibility, privacy and opening hours, as footers link them, and the video channel.
  mutating func denseFooterLinks() {
    let contact = nation.link(to: min(nation.pages - 1, 9))
    write(
      "<ul class=\"legal\"><li><a href=\"\(contact)\">Ligipääsetavus</a></li><li><a href=\"\(contact)\">Andmekaitse</a></li>"
    )
    write(
      "<li><a href=\"\(contact)\">Lahtiolekuajad</a></li><li><a href=\"https://www.youtube.com/@vald\(site + 1)\">YouTube</a></li></ul>"
    )
  }

  /// A council-like list: members with their roles, parties or alliances, e-mails and phones.
  private mutating func councilMembers(_ name: String) {
    write(
      "<section class=\"council\"><h2>\(pick(DenseVocabulary.councilHeadings))</h2><table class=\"members\"><tr><th>Nimi</th><th>Roll</th><th>Fraktsioon</th><th>E-post</th><th>Telefon</th></tr>"
    )
    for index in 0..<(5 + Int(random.next() % 4)) {
      let member = person()
      let role = index < 2 ? DenseVocabulary.chairs[index] : pick(DenseVocabulary.councilRoles)
      let party = pick(DenseVocabulary.parties).replacing("{name}", with: name)
      write(
        "<tr><td>\(member.name)</td><td>\(role)</td><td>\(party)</td><td><a href=\"mailto:\(member.email)\">\(member.email)</a></td><td>\(mobile())</td></tr>"
      )
    }
    write("</table></section>")
  }

  /// Council sessions with dated agendas (VOLIS), minutes (documents) and recordings (YouTube),
  /// and a draft regulation with its explanatory note.
  private mutating func sessions() {
    write(
      "<section class=\"sessions\"><h2>Volikogu istungid</h2><table><tr><th>Kuupäev</th><th>Päevakord</th><th>Protokoll</th><th>Salvestis</th></tr>"
    )
    for number in 1...3 {
      let date = BenchDate(&random)
      let session = page * 3 + number
      write(
        "<tr><td>\(date.numeric)</td><td><a href=\"https://volis.ee/gvolis/portaal/vald\(site + 1)/istung/\(session)/paevakord\">Istungi päevakord \(date.numeric)</a></td>"
      )
      write(
        "<td><a href=\"\(documentPath("volikogu-istungi-protokoll-\(date.iso).pdf"))\">Volikogu istungi protokoll nr \(session) (pdf)</a></td>"
      )
      write(
        "<td><a href=\"https://www.youtube.com/watch?v=v\(site + 1)i\(session)\">Istungi salvestis \(date.numeric)</a></td></tr>"
      )
    }
    let draft = BenchDate(&random)
    write(
      "</table><p>Määruse eelnõu „\(draft.fill("Valla {next}. aasta eelarve"))“: <a href=\"\(documentPath(draft.fill("eelnou-{iso}.docx")))\">eelnõu</a> · <a href=\"\(documentPath(draft.fill("seletuskiri-{iso}.pdf")))\">seletuskiri</a></p></section>"
    )
  }

  /// Dated documents (budget, reports, plans, grant rules and forms, procurement, interests,
  /// pay), then the site's links to Riigi Teataja and the state's registers and e-services.
  private mutating func documents() {
    write("<section class=\"files\"><h2>Dokumendid</h2><ul class=\"documents\">")
    let templates = DenseVocabulary.documents
    let first = Int(random.next() % UInt64(templates.count))
    for offset in 0..<(6 + Int(random.next() % 4)) {
      let (text, file, type) = templates[(first + offset) % templates.count]
      let date = BenchDate(&random)
      write(
        "<li><a class=\"file \(type)\" href=\"\(documentPath(date.fill(file) + "." + type))\">\(date.fill(text)) (\(type))</a></li>"
      )
    }
    write(
      "</ul><ul class=\"links\"><li><a href=\"https://www.riigiteataja.ee/akt/4\(10_000_000 + site * 1000 + page)\">Vallavalitsuse määrus nr \(page + 1) (Riigi Teataja)</a></li>"
    )
    write(
      "<li><a href=\"https://vald\(site + 1).spoku.ee/\">E-teenused ja taotluskeskkond</a></li><li><a href=\"https://www.emta.ee/huvide-deklaratsioonid\">Huvide deklaratsioonid (e-MTA)</a></li>"
    )
    write(
      "<li><a href=\"https://riigihanked.riik.ee/rhr-web/#/search?vald=\(site + 1)\">Hanked riigihangete registris</a></li><li><a href=\"https://www.osale.ee/\">Avalik arutelu (osale.ee)</a></li></ul></section>"
    )
  }

  /// A staff directory: names, positions, phones and e-mails.
  private mutating func staff() {
    write("<section class=\"staff\"><h2>\(pick(DenseVocabulary.staffHeadings))</h2><ul>")
    for _ in 0..<(4 + Int(random.next() % 3)) {
      let employee = person()
      write(
        "<li><strong>\(employee.name)</strong>, \(pick(DenseVocabulary.jobs)), tel \(landline()), <a href=\"mailto:\(employee.email)\">\(employee.email)</a></li>"
      )
    }
    write("</ul></section>")
  }

  private mutating func hours() {
    let closing = pick(["16.00", "16.30", "17.00"])
    let change = BenchDate(&random)
    write(
      "<section class=\"hours\"><h2>Lahtiolekuajad</h2><p>Vallamaja on avatud E–N 8.00–\(closing), R 8.00–14.00. Vastuvõtt kolmapäeviti kell 9.00–12.00. Alates \(change.estonianOn) on teenindusbüroo avatud ka laupäeviti 10.00–13.00.</p></section>"
    )
  }

  private mutating func foreignParagraphs() {
    let date = BenchDate(&random)
    write(
      "<section lang=\"ru\"><h2>Волостное собрание</h2><p>\(date.fill(pick(DenseVocabulary.russian)))</p></section>"
    )
    write(
      "<section lang=\"en\"><h2>Council</h2><p>\(date.fill(pick(DenseVocabulary.english)))</p></section>"
    )
  }

  private func documentPath(_ file: String) -> String {
    "/documents/\(20_000 + site)/\(page)/\(file)"
  }

  private mutating func person() -> (name: String, email: String) {
    let first = pick(DenseVocabulary.firstNames)
    let last = pick(DenseVocabulary.surnames)
    return ("\(first.0) \(last.0)", "\(first.1).\(last.1)@vald\(site + 1).ee")
  }

  /// A mobile number, `5123 4567` or `+372 5123 4567`.
  private mutating func mobile() -> String {
    let number = "5\(100 + random.next() % 900) \(1000 + random.next() % 9000)"
    return random.next() % 2 == 0 ? number : "+372 " + number
  }

  /// A landline number, `745 1234`.
  private mutating func landline() -> String {
    "7\(10 + random.next() % 90) \(1000 + random.next() % 9000)"
  }

  private mutating func pick<Element>(_ list: [Element]) -> Element {
    list[Int(random.next() % UInt64(list.count))]
  }
}
