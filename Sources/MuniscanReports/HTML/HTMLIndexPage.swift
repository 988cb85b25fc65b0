import MuniscanCore

/// The HTML report's front page: totals chart, sortable ranking, area × site heat map,
/// per-criterion counts and, with a comparison, the changes since the earlier run.
struct HTMLIndexPage {
  let index: ScorecardIndex
  let words: ReportWords
  /// The audited sites in the scorecard's order, and after them those that were not.
  let audited: [HTMLSiteRow]
  let notAudited: [HTMLSiteRow]

  /// `slugs` are the page file names of the sites, in the sites' order.
  init(index: ScorecardIndex, slugs: [String], words: ReportWords) {
    self.index = index
    self.words = words
    let rows = zip(index.card.sites, slugs).map { site, slug in
      HTMLSiteRow(site: site, page: "sites/\(slug).html")
    }
    audited = rows.filter { $0.notAudited == nil }
    notAudited = rows.filter { $0.notAudited != nil }
  }

  private var card: Scorecard { index.card }

  var body: Markup {
    var bands = Band.allCases.map { band -> Markup in
      "\(HTMLParts.bandBadge(band, words)) \(audited.filter { $0.site.band == band }.count)"
    }
    if !notAudited.isEmpty {
      bands.append("\(HTMLParts.notAuditedBadge(words)) \(notAudited.count)")
    }
    var meta: Markup = """
      \(words[.ruleset]) \(card.ruleSetID) \(card.ruleSetVersion) · \(words[.asOf]) \
      \(HTMLParts.date(card.asOf)) · \(card.sites.count) \(words[.sites])
      """
    if let comparison = card.comparison {
      meta = "\(meta) · \(words[.changes]) \(HTMLParts.date(comparison.previousAsOf))"
    }
    return """
      <header><h1>\(words[.title])</h1>
      <p class="meta">\(meta)</p>
      <p>\(words[.bands]): \(Markup(joining: bands, separator: " · "))</p></header>
      <main>
      <h2 id="totals">\(words[.totalsChart])</h2>
      \(totalsChart)
      <h2 id="ranking-title">\(words[.ranking])</h2>
      \(HTMLRanking(index: index, audited: audited, notAudited: notAudited, words: words).body)
      <h2 id="heatmap-title">\(words[.heatmap])</h2>
      \(HTMLHeatMap(index: index, audited: audited, notAudited: notAudited, words: words).body)
      <h2 id="criteria-title">\(words[.criteria])</h2>
      \(HTMLParts.scrollBox(criteria, labelledBy: "criteria-title", words))
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
    return HTMLCharts.bars(bars, title: words[.totalsChart], words)
  }

  private var criteria: Markup {
    let heads: [Markup] = [
      HTMLParts.sortHeader(
        words[.criterion], numeric: false, firstDescending: false, words),
      HTMLParts.sortHeader(words[.area], numeric: false, firstDescending: false, words),
      HTMLParts.sortHeader(words.status(.pass), numeric: true, firstDescending: true, words),
      HTMLParts.sortHeader(
        words.status(.partial), numeric: true, firstDescending: true, words),
      HTMLParts.sortHeader(words.status(.fail), numeric: true, firstDescending: true, words),
      HTMLParts.sortHeader(
        words.status(.unknown), numeric: true, firstDescending: true, words),
    ]
    let rows = card.criteria.map { criterion -> Markup in
      let counts = criterion.counts
      let phrase = words.passCount(counts.pass, of: audited.count)
      return """
        <tr><th scope="row">\(criterion.title[words.language]) <small class="meta">\(criterion.id)</small></th>\
        <td>\(index.areaTitle(criterion.area, words))</td>\
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
    let items =
      index.sitesWithChanges.map { site, change -> Markup in
        "<li><strong>\(site.site.name)</strong>\(HTMLParts.changeList(change, index, words))</li>\n"
      }
      + comparison.removedSites.map { removed -> Markup in
        "<li><strong>\(removed.name)</strong> <span class=\"down\">✕ \(removed.summary(words))</span></li>\n"
      }
    return """
      <h2>\(words[.changes]) \(HTMLParts.date(comparison.previousAsOf))</h2>
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
