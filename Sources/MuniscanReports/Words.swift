import MuniscanCore

/// A fixed word or phrase of the human-readable reports. A case, not a string key, so that a
/// word missing in one language cannot compile.
enum Word: CaseIterable {
  case title, total, rank, site, sites, pages, ruleset, asOf, area, score, unreachable, todo
  case nothingToFix, evidence, noEvidence, criteria, criterion, band, bands, ranking, heatmap
  case changes, gained, lost, new, previous, reason, advice, basis, weight, status, trend
  case requests, errors, robotsExcluded, allSites, sortBy, totalsChart, areasChart
  case crawl, more, removed
  case pagesColumn, notAudited, notAuditedNote, technicalDetail, scrollHint, heatLegend, noScore
  case reasonNoAnswer, reasonRefused, reasonNoName, reasonSecure, reasonNotWeb, reasonRedirectLoop
  case reasonNotArchived, reasonNotFetched
  // Sites not audited, listed apart (issue 11): kept together so they move to locale files whole.
  case notAuditedTitle, wasNotAudited, reasonClosedByRobots, reasonIncomplete

  var text: LocalizedText {
    switch self {
    case .title:
      return LocalizedText(et: "Veebilehtede avatuse hinnang", en: "Website transparency scorecard")
    case .total: return LocalizedText(et: "Koondhinne", en: "Total")
    case .rank: return LocalizedText(et: "Koht", en: "Rank")
    case .site: return LocalizedText(et: "Omavalitsus", en: "Site")
    case .sites: return LocalizedText(et: "omavalitsust", en: "sites")
    case .pages: return LocalizedText(et: "lehte", en: "pages")
    case .ruleset: return LocalizedText(et: "Reeglistik", en: "Rule set")
    case .asOf: return LocalizedText(et: "auditi kuupäev", en: "audit date")
    case .area: return LocalizedText(et: "Valdkond", en: "Area")
    case .score: return LocalizedText(et: "Hinne", en: "Score")
    case .unreachable: return LocalizedText(et: "ei vasta", en: "unreachable")
    case .todo: return LocalizedText(et: "Mida parandada", en: "What to fix")
    case .nothingToFix: return LocalizedText(et: "Kõik nõuded on täidetud.", en: "Nothing to fix.")
    case .evidence: return LocalizedText(et: "Tõend", en: "Evidence")
    case .noEvidence: return LocalizedText(et: "tõendit ei leitud", en: "no evidence found")
    case .criteria: return LocalizedText(et: "Kriteeriumid", en: "Criteria")
    case .criterion: return LocalizedText(et: "Kriteerium", en: "Criterion")
    case .band: return LocalizedText(et: "Tase", en: "Band")
    case .bands: return LocalizedText(et: "Tasemed", en: "Bands")
    case .ranking: return LocalizedText(et: "Pingerida", en: "Ranking")
    case .heatmap: return LocalizedText(et: "Hinded valdkonniti", en: "Scores by area")
    case .changes: return LocalizedText(et: "Muutused alates", en: "Changes since")
    case .gained: return LocalizedText(et: "paranes", en: "gained")
    case .lost: return LocalizedText(et: "halvenes", en: "lost")
    case .new: return LocalizedText(et: "uus", en: "new")
    case .previous: return LocalizedText(et: "eelmine", en: "previous")
    case .reason: return LocalizedText(et: "Põhjus", en: "Reason")
    case .advice: return LocalizedText(et: "Soovitus", en: "Advice")
    case .basis: return LocalizedText(et: "Alus", en: "Basis")
    case .weight: return LocalizedText(et: "Kaal", en: "Weight")
    case .status: return LocalizedText(et: "Olek", en: "Status")
    case .trend: return LocalizedText(et: "Koondhinne ajas", en: "Total over time")
    case .requests: return LocalizedText(et: "päringut", en: "requests")
    case .errors: return LocalizedText(et: "viga", en: "errors")
    case .robotsExcluded:
      return LocalizedText(et: "robots.txt keelas", en: "excluded by robots.txt")
    case .allSites: return LocalizedText(et: "Kõik omavalitsused", en: "All sites")
    case .sortBy: return LocalizedText(et: "Järjesta", en: "Sort by")
    case .totalsChart: return LocalizedText(et: "Koondhinded", en: "Totals")
    case .areasChart: return LocalizedText(et: "Hinded valdkonniti", en: "Scores by area")
    case .crawl: return LocalizedText(et: "Andmete kogumine", en: "Crawl")
    case .more: return LocalizedText(et: "tõendit veel", en: "more pieces of evidence")
    case .removed: return LocalizedText(et: "pole enam pingereas", en: "no longer in the run")
    case .pagesColumn: return LocalizedText(et: "Lehti", en: "Pages")
    case .notAudited: return LocalizedText(et: "auditeerimata", en: "not audited")
    case .notAuditedNote:
      return LocalizedText(
        et: "Ühtki kriteeriumi ei saanud hinnata, sest veebilehte ei õnnestunud auditi ajal avada.",
        en: "No criterion could be judged: the site could not be opened when the audit ran.")
    case .technicalDetail: return LocalizedText(et: "tehniline teade", en: "technical detail")
    case .scrollHint:
      return LocalizedText(
        et: "Keri tabelit külgsuunas, et näha kõiki veerge.",
        en: "Scroll the table sideways to see every column.")
    case .heatLegend:
      return LocalizedText(
        et: "Lahtris on valdkonna hinne 0–100: mida tumedam lahter, seda kõrgem hinne.",
        en: "Each cell holds the area's score, 0–100: the darker the cell, the higher the score.")
    case .noScore: return LocalizedText(et: "hinne puudub", en: "no score")
    case .reasonNoAnswer:
      return LocalizedText(et: "veebileht ei vastanud", en: "the site did not answer")
    case .reasonRefused:
      return LocalizedText(et: "server keeldus ühendusest", en: "the server refused the connection")
    case .reasonNoName:
      return LocalizedText(
        et: "veebilehe nime (domeeni) ei leitud", en: "the site's name (domain) was not found")
    case .reasonSecure:
      return LocalizedText(
        et: "turvalist (HTTPS) ühendust ei saanud luua",
        en: "the secure (HTTPS) connection could not be made")
    case .reasonNotWeb:
      return LocalizedText(
        et: "aadress ei ole veebiaadress (http või https)",
        en: "the address is not a web address (http or https)")
    case .reasonRedirectLoop:
      return LocalizedText(
        et: "avaleht suunab ringiratast", en: "the home page redirects in a loop")
    case .reasonNotArchived:
      return LocalizedText(
        et: "kogutud arhiivis pole veebilehe vastust",
        en: "the crawl archive holds no answer from the site")
    case .reasonNotFetched:
      return LocalizedText(
        et: "veebilehte ei õnnestunud laadida", en: "the site could not be fetched")

    // Sites not audited, listed apart (issue 11).
    case .notAuditedTitle: return LocalizedText(et: "Auditeerimata", en: "Not audited")
    case .wasNotAudited:
      return LocalizedText(et: "eelmisel korral auditeerimata", en: "not audited the time before")
    case .reasonClosedByRobots:
      return LocalizedText(
        et: "veebilehe robots.txt ei luba seda automaatselt lugeda",
        en: "the site's robots.txt does not allow crawling it")
    case .reasonIncomplete:
      return LocalizedText(
        et: "kogutud arhiiv on selle veebilehe osas vigane või lõpetamata",
        en: "the crawl archive of the site is damaged or unfinished")
    }
  }
}

/// The fixed words of human-readable reports in each report language.
enum Words {
  static func text(_ word: Word, _ language: Language) -> String { word.text[language] }

  static func status(_ status: FindingStatus, _ language: Language) -> String {
    switch (status, language) {
    case (.pass, .en): return "PASS"
    case (.partial, .en): return "PARTIAL"
    case (.fail, .en): return "FAIL"
    case (.unknown, .en): return "UNKNOWN"
    case (.pass, .et): return "OK"
    case (.partial, .et): return "OSALINE"
    case (.fail, .et): return "PUUDUB"
    case (.unknown, .et): return "TEADMATA"
    }
  }

  static func band(_ band: Band, _ language: Language) -> String {
    switch (band, language) {
    case (.green, .en): return "green"
    case (.yellow, .en): return "yellow"
    case (.red, .en): return "red"
    case (.green, .et): return "roheline"
    case (.yellow, .et): return "kollane"
    case (.red, .et): return "punane"
    }
  }

  /// "43 of 79 sites pass", the per-criterion count the issue asks for.
  static func passCount(_ pass: Int, of total: Int, _ language: Language) -> String {
    switch language {
    case .en: return "\(pass) of \(total) sites pass"
    case .et: return "\(pass) omavalitsust \(total)-st vastab"
    }
  }

  /// "the server answered with an error (503)": the home page's HTTP status.
  static func httpError(_ status: Int, _ language: Language) -> String {
    switch language {
    case .en: return "the server answered with an error (\(status))"
    case .et: return "server vastas veaga (\(status))"
    }
  }

  /// "rank 3 of 79".
  static func rankOf(_ rank: Int, _ total: Int, _ language: Language) -> String {
    switch language {
    case .en: return "rank \(rank) of \(total)"
    case .et: return "\(rank). koht \(total)-st"
    }
  }
}
