import MuniscanCore

/// The HTML report's front page: totals chart, sortable ranking, area × site heat map,
/// per-criterion counts and, with a comparison, the changes since the earlier run.
struct HTMLIndexPage {
  let index: ScorecardIndex
  let language: Language
  /// The audited sites in the scorecard's order, and after them those that were not.
  let audited: [HTMLSiteRow]
  let notAudited: [HTMLSiteRow]

  /// `slugs` are the page file names of the sites, in the sites' order.
  init(index: ScorecardIndex, slugs: [String], language: Language) {
    self.index = index
    self.language = language
    let rows = zip(index.card.sites, slugs).map { site, slug in
      HTMLSiteRow(site: site, page: "sites/\(slug).html")
    }
    audited = rows.filter { $0.notAudited == nil }
    notAudited = rows.filter { $0.notAudited != nil }
  }

  private var card: Scorecard { index.card }

  var body: Markup {
    let lang = language
    var bands = Band.allCases.map { band -> Markup in
      "\(HTMLParts.bandBadge(band, lang)) \(audited.filter { $0.site.band == band }.count)"
    }
    if !notAudited.isEmpty {
      bands.append("\(HTMLParts.notAuditedBadge(lang)) \(notAudited.count)")
    }
    var meta: Markup = """
      \(Words.text(.ruleset, lang)) \(card.ruleSetID) \(card.ruleSetVersion) · \(Words.text(.asOf, lang)) \
      \(HTMLParts.date(card.asOf)) · \(card.sites.count) \(Words.text(.sites, lang))
      """
    if let comparison = card.comparison {
      meta = "\(meta) · \(Words.text(.changes, lang)) \(HTMLParts.date(comparison.previousAsOf))"
    }
    return """
      <header><h1>\(Words.text(.title, lang))</h1>
      <p class="meta">\(meta)</p>
      <p>\(Words.text(.bands, lang)): \(Markup(joining: bands, separator: " · "))</p></header>
      <main>
      <h2 id="totals">\(Words.text(.totalsChart, lang))</h2>
      \(totalsChart)
      <h2 id="ranking-title">\(Words.text(.ranking, lang))</h2>
      \(HTMLRanking(index: index, audited: audited, notAudited: notAudited, language: lang).body)
      <h2 id="heatmap-title">\(Words.text(.heatmap, lang))</h2>
      \(HTMLHeatMap(index: index, audited: audited, notAudited: notAudited, language: lang).body)
      <h2 id="criteria-title">\(Words.text(.criteria, lang))</h2>
      \(HTMLParts.scrollBox(criteria, labelledBy: "criteria-title", lang))
      \(changes)</main>
      <footer>muniscan · \(card.ruleSetID) \(card.ruleSetVersion) · \(HTMLParts.date(card.asOf))</footer>
      """
  }

  private var totalsChart: Markup {
    let bars = (audited + notAudited).map { row in
      HTMLCharts.Bar(
        label: row.site.site.name, value: row.site.total ?? 0, band: row.site.band ?? .red,
        href: row.page,
        notAudited: row.notAudited)
    }
    return HTMLCharts.bars(bars, title: Words.text(.totalsChart, language), language)
  }

  private var criteria: Markup {
    let lang = language
    let heads: [Markup] = [
      HTMLParts.sortHeader(
        Words.text(.criterion, lang), numeric: false, firstDescending: false, lang),
      HTMLParts.sortHeader(Words.text(.area, lang), numeric: false, firstDescending: false, lang),
      HTMLParts.sortHeader(Words.status(.pass, lang), numeric: true, firstDescending: true, lang),
      HTMLParts.sortHeader(
        Words.status(.partial, lang), numeric: true, firstDescending: true, lang),
      HTMLParts.sortHeader(Words.status(.fail, lang), numeric: true, firstDescending: true, lang),
      HTMLParts.sortHeader(
        Words.status(.unknown, lang), numeric: true, firstDescending: true, lang),
    ]
    let rows = card.criteria.map { criterion -> Markup in
      let counts = criterion.counts
      let phrase = Words.passCount(counts.pass, of: audited.count, lang)
      return """
        <tr><th scope="row">\(criterion.title[lang]) <small class="meta">\(criterion.id)</small></th>\
        <td>\(index.areaTitle(criterion.area, lang))</td>\
        <td class="counts" data-value="\(counts.pass)">\(HTMLCharts.statusBar(counts, title: phrase)) \(phrase)</td>\
        <td class="num" data-value="\(counts.partial)">\(counts.partial)</td>\
        <td class="num" data-value="\(counts.fail)">\(counts.fail)</td>\
        <td class="num" data-value="\(counts.unknown)">\(counts.unknown)</td></tr>

        """
    }
    return """
      <table id="criteria" class="sortable" aria-labelledby="criteria-title">
      <thead><tr>\(heads)</tr></thead>
      <tbody>
      \(rows)</tbody></table>
      """
  }

  private var changes: Markup {
    guard let comparison = card.comparison else { return "" }
    let lang = language
    let items =
      index.sitesWithChanges.map { site, change -> Markup in
        "<li><strong>\(site.site.name)</strong>\(HTMLParts.changeList(change, index, lang))</li>\n"
      }
      + comparison.removedSites.map { removed -> Markup in
        "<li><strong>\(removed.name)</strong> <span class=\"down\">✕ \(removed.summary(lang))</span></li>\n"
      }
    return """
      <h2>\(Words.text(.changes, lang)) \(HTMLParts.date(comparison.previousAsOf))</h2>
      <ul>\(items)</ul>

      """
  }
}

/// A site as the index lists it: its result, the path of its page, and why it was not audited
/// when it was not.
struct HTMLSiteRow {
  let site: SiteResult
  let page: String
  let notAudited: NotAuditedReason?

  init(site: SiteResult, page: String) {
    self.site = site
    self.page = page
    notAudited = NotAuditedReason(site.outcome)
  }

  /// The site's name linking to its page, as a table's row header, with a note under it. A name
  /// too long for the column ends in an ellipsis; the title holds it whole.
  func nameHeader(_ note: Markup = "") -> Markup {
    """
    <th scope="row" class="name" data-value="\(site.site.name)"><a href="\(page)" title="\(site.site.name)">\(site.site.name)</a>\
    \(note)</th>
    """
  }
}
