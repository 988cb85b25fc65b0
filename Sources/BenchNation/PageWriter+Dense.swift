import FixtureServer

/// The parts of a dense page (see ``Corpus/dense``) that every page has: running text with the
/// rules' words and dates, a members list with parties, e-mails and phones, dated documents, a
/// Russian and an English paragraph, and the footer's service links. The evidence a criterion
/// asks for in full is added on the pages of its section (`PageWriter+Evidence`).
extension PageWriter {
  /// The section of this page, its index in `SyntheticNation.sections`.
  var section: Int { page % SyntheticNation.sections.count }

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
    write(
      "<p class=\"meta\">\(published.fill("Avaldatud {num}, muudetud {iso} ({et})"))</p>")
    for index in 0..<(3 + Int(random.next() % 4)) {
      if index % 2 == 1 { write("<h2>\(pick(DenseVocabulary.headings[section]))</h2>") }
      write("<p>")
      for _ in 0..<(2 + Int(random.next() % 3)) {
        write(sentence(words: 8 + Int(random.next() % 10), period: true) + " ")
      }
      write(BenchDate(&random).fill(pick(DenseVocabulary.datedSentences)) + "</p>")
    }
    members(name)
    sectionEvidence()
    documents()
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

  /// A council-like list: members with their roles, parties or alliances, e-mails and phones;
  /// the council's on council pages, a commission's or a board's elsewhere.
  private mutating func members(_ name: String) {
    let council = SyntheticNation.sections[section].0 == "volikogu"
    let headings = council ? DenseVocabulary.councilHeadings : DenseVocabulary.boardHeadings
    write(
      "<section class=\"members\"><h2>\(pick(headings))</h2><table><tr><th>Nimi</th><th>Roll</th><th>Fraktsioon</th><th>E-post</th><th>Telefon</th></tr>"
    )
    for index in 0..<(5 + Int(random.next() % 4)) {
      let member = person()
      let role = index < 2 ? DenseVocabulary.chairs[index] : pick(DenseVocabulary.memberRoles)
      let party = pick(DenseVocabulary.parties).replacing("{name}", with: name)
      write(
        "<tr><td>\(member.name)</td><td>\(role)</td><td>\(party)</td><td><a href=\"mailto:\(member.email)\">\(member.email)</a></td><td>\(mobile())</td></tr>"
      )
    }
    write("</table></section>")
  }

  /// Three dated documents that are evidence of nothing (orders, a board's minutes, a school's
  /// plan, notices).
  private mutating func documents() {
    write("<section class=\"files\"><h2>Dokumendid</h2><ul class=\"documents\">")
    let first = Int(random.next() % UInt64(DenseVocabulary.documents.count))
    for offset in 0..<3 {
      let document = DenseVocabulary.documents[(first + offset) % DenseVocabulary.documents.count]
      self.document(document, date: BenchDate(&random))
    }
    write("</ul></section>")
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

  /// A list item linking a document of this page: text, file name and extension with the
  /// placeholders of `BenchDate.fill`.
  mutating func document(_ document: (String, String, String), date: BenchDate) {
    let (text, file, type) = document
    write(
      "<li><a class=\"file \(type)\" href=\"\(documentPath(date.fill(file) + "." + type))\">\(date.fill(text)) (\(type))</a></li>"
    )
  }

  func documentPath(_ file: String) -> String {
    "/documents/\(20_000 + site)/\(page)/\(file)"
  }

  mutating func person() -> (name: String, email: String) {
    let first = pick(DenseVocabulary.firstNames)
    let last = pick(DenseVocabulary.surnames)
    return ("\(first.0) \(last.0)", "\(first.1).\(last.1)@vald\(site + 1).ee")
  }

  /// A mobile number, `5123 4567` or `+372 5123 4567`.
  private mutating func mobile() -> String {
    let number = "5\(100 + random.next() % 900) \(1000 + random.next() % 9000)"
    return random.next() % 2 == 0 ? number : "+372 " + number
  }

  mutating func pick<Element>(_ list: [Element]) -> Element {
    list[Int(random.next() % UInt64(list.count))]
  }
}
