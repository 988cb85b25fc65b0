import FixtureServer

/// What a dense page adds for the criteria of its section, in full, as a real site keeps it on
/// those pages only: council sessions on council pages, the budget's documents on budget pages,
/// the staff directory and opening hours on contact pages, and so on. Every other page mentions
/// the same things in passing, so rules must read it to find that it is not their evidence. And
/// as real sites lack some criteria, each site lacks the evidence of a third of its sections
/// (which third depends on the site), though their words are still on every page.
extension PageWriter {
  mutating func sectionEvidence() {
    guard (site + section) % 3 != 0 else { return }
    let date = BenchDate(&random)
    write("<section class=\"evidence\">")
    switch SyntheticNation.sections[section].0 {
    case "vallavalitsus": acts(date)
    case "volikogu": sessions()
    case "eelarve":
      documents(
        [
          ("Valla {year}. aasta eelarve", "valla-eelarve-{year}", "pdf"),
          ("Eelarve täitmine seisuga {num}", "eelarve-taitmine-{iso}", "xlsx"),
          ("{year}. aasta I lisaeelarve", "lisaeelarve-{year}", "pdf"),
          ("Konsolideeritud majandusaasta aruanne {last}", "majandusaasta-aruanne-{last}", "pdf"),
          ("Valla arengukava 2021–2035", "valla-arengukava-2021-2035", "pdf"),
          ("Eelarvestrateegia {next}–2030", "eelarvestrateegia-{next}-2030", "pdf"),
        ], date: date)
    case "teenused":
      write(
        "<ul><li><a href=\"https://vald\(site + 1).spoku.ee/\">E-teenused ja taotluskeskkond</a></li><li><a href=\"\(documentPath("andmekaitsetingimused.pdf"))\">Andmekaitsetingimused</a></li><li><a href=\"\(documentPath("ligipaasetavuse-teatis.pdf"))\">Ligipääsetavuse teatis</a></li></ul>"
      )
    case "haridus":
      write(
        "<h2>Noortevolikogu</h2><p>\(date.fill("Noortevolikogu valimised toimuvad {on}."))</p><ul><li><a href=\"\(documentPath(date.fill("noortevolikogu-pohimaarus-{year}.pdf")))\">Noortevolikogu põhimäärus</a></li></ul>"
      )
    case "sotsiaal":
      write("<h2>Toetuse taotlemine</h2><ul>")
      document(("Toetuse taotlusvorm {year}", "toetuse-taotlusvorm-{year}", "docx"), date: date)
      write("</ul><p>\(date.fill("Taotlusvoor on avatud kuni {on}."))</p>")
    case "planeeringud":
      documents(
        [
          ("Hankeplaan {year}", "hankeplaan-{year}", "pdf"),
          ("Avalik väljapanek ja avalik arutelu {num}", "avalik-arutelu-{iso}", "pdf"),
        ], date: date)
    case "kultuur":
      documents(
        [
          ("Mittetulundustegevuse toetamise kord", "toetamise-kord-{year}", "docx"),
          ("Eraldatud toetused {year}", "eraldatud-toetused-{year}", "xlsx"),
        ], date: date)
    case "uudised":
      documents(
        [("Kaasav eelarve {year}: hääletuse tulemused", "kaasav-eelarve-{year}", "pdf")], date: date
      )
    default: contacts(date)  // kontakt
    }
    write("</section>")
  }

  private mutating func documents(_ list: [(String, String, String)], date: BenchDate) {
    write("<ul class=\"documents\">")
    for item in list { document(item, date: date) }
    write("</ul>")
  }

  /// The municipality's acts in Riigi Teataja and its document register, statute and pay rules.
  private mutating func acts(_ date: BenchDate) {
    write(
      "<ul><li><a href=\"https://www.riigiteataja.ee/akt/4\(10_000_000 + site * 1000 + page)\">Vallavalitsuse määrus nr \(page + 1) (Riigi Teataja)</a></li><li><a href=\"https://vald\(site + 1).amphora.ee/\">Avalik dokumendiregister</a></li>"
    )
    document(("Valla põhimäärus", "valla-pohimaarus-{year}", "pdf"), date: date)
    document(("Palgajuhend {year}", "palgajuhend-{year}", "pdf"), date: date)
    write("</ul>")
  }

  /// Council sessions with dated agendas (VOLIS), minutes (documents) and recordings (YouTube),
  /// and a draft regulation with its explanatory note.
  private mutating func sessions() {
    write(
      "<h2>Volikogu istungid</h2><table><tr><th>Kuupäev</th><th>Päevakord</th><th>Protokoll</th><th>Salvestis</th></tr>"
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
      "</table><p>Määruse eelnõu „\(draft.fill("Valla {next}. aasta eelarve"))“: <a href=\"\(documentPath(draft.fill("eelnou-{iso}.docx")))\">eelnõu</a> · <a href=\"\(documentPath(draft.fill("seletuskiri-{iso}.pdf")))\">seletuskiri</a></p>"
    )
  }

  /// A staff directory (names, positions, phones, e-mails), opening hours and the register of
  /// interests.
  private mutating func contacts(_ date: BenchDate) {
    write("<h2>\(pick(DenseVocabulary.staffHeadings))</h2><ul>")
    for _ in 0..<(4 + Int(random.next() % 3)) {
      let employee = person()
      write(
        "<li><strong>\(employee.name)</strong>, \(pick(DenseVocabulary.jobs)), tel \(landline()), <a href=\"mailto:\(employee.email)\">\(employee.email)</a></li>"
      )
    }
    let closing = pick(["16.00", "16.30", "17.00"])
    write(
      "</ul><h2>Lahtiolekuajad</h2><p>Vallamaja on avatud E–N 8.00–\(closing), R 8.00–14.00. Vastuvõtt kolmapäeviti kell 9.00–12.00. \(date.fill("Alates {on}")) on teenindusbüroo avatud ka laupäeviti 10.00–13.00.</p>"
    )
    write(
      "<p><a href=\"https://www.emta.ee/huvide-deklaratsioonid\">Huvide deklaratsioonid (e-MTA)</a></p>"
    )
  }

  /// A landline number, `745 1234`.
  private mutating func landline() -> String {
    "7\(10 + random.next() % 90) \(1000 + random.next() % 9000)"
  }
}
