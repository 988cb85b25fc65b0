import MuniscanCore

/// The HTML report's front page: totals chart, sortable ranking, area × site heat map,
/// per-criterion counts and, with a comparison, the changes since the earlier run.
struct HTMLIndexPage {
  let index: ScorecardIndex
  /// Page file names of the sites, in the sites' order.
  let slugs: [String]
  let language: Language

  private var card: Scorecard { index.card }

  var body: Markup {
    let lang = language
    let bands = index.bandCounts.map {
      "\(HTMLParts.bandBadge($0.band, lang)) \($0.count)" as Markup
    }
    var meta: Markup = """
      \(Words.text(.ruleset, lang)) \(card.ruleSetID) \(card.ruleSetVersion) · \(Words.text(.asOf, lang)) \
      \(card.asOf.description) · \(card.sites.count) \(Words.text(.sites, lang))
      """
    if let comparison = card.comparison {
      meta = "\(meta) · \(Words.text(.changes, lang)) \(comparison.previousAsOf.description)"
    }
    return """
      <header><h1>\(Words.text(.title, lang))</h1>
      <p class="meta">\(meta)</p>
      <p>\(Words.text(.bands, lang)): \(Markup(joining: bands, separator: " · "))</p></header>
      <main>
      <h2 id="totals">\(Words.text(.totalsChart, lang))</h2>
      \(totalsChart)
      <h2 id="ranking-title">\(Words.text(.ranking, lang))</h2>
      \(ranking)
      <h2 id="heatmap-title">\(Words.text(.heatmap, lang))</h2>
      \(heatmap)
      <h2 id="criteria-title">\(Words.text(.criteria, lang))</h2>
      \(criteria)
      \(changes)</main>
      <footer>muniscan · \(card.ruleSetID) \(card.ruleSetVersion) · \(card.asOf.description)</footer>
      """
  }

  private var totalsChart: Markup {
    let bars = zip(card.sites, slugs).map { site, slug in
      HTMLCharts.Bar(
        label: site.site.name, value: site.total, band: site.band, href: "sites/\(slug).html")
    }
    return HTMLCharts.bars(bars, title: Words.text(.totalsChart, language))
  }

  private var ranking: Markup {
    let lang = language
    var heads: [Markup] = [
      HTMLParts.sortHeader(Words.text(.rank, lang), numeric: true, firstDescending: false, lang),
      HTMLParts.sortHeader(Words.text(.site, lang), numeric: false, firstDescending: false, lang),
      HTMLParts.sortHeader(Words.text(.total, lang), numeric: true, firstDescending: true, lang),
      HTMLParts.sortHeader(
        Words.text(.band, lang), numeric: true, firstDescending: true, badges: true, lang),
    ]
    if card.comparison != nil {
      heads.append(HTMLParts.sortHeader("±", numeric: true, firstDescending: true, lang))
      heads.append(HTMLParts.sortHeader("Δ", numeric: true, firstDescending: true, lang))
    }
    heads.append(
      HTMLParts.sortHeader(Words.text(.pages, lang), numeric: true, firstDescending: true, lang))
    let rows = zip(card.sites, slugs).map { site, slug -> Markup in
      var cells: [Markup] = [
        "<td class=\"num\" data-value=\"\(site.rank)\">\(site.rank)</td>",
        "<th scope=\"row\" data-value=\"\(site.site.name)\"><a href=\"sites/\(slug).html\">\(site.site.name)</a>\(unreachable(site))</th>",
        "<td class=\"num\" data-value=\"\(CSVText.number(site.total))\">\(format(site.total))</td>",
        "<td data-value=\"\(CSVText.number(site.total))\">\(HTMLParts.bandBadge(site.band, lang))</td>",
      ]
      if let movement = index.movement(site) {
        cells.append(
          "<td class=\"num\" data-value=\"\(movement.rankDelta ?? 0)\">\(HTMLParts.movement(movement, lang))</td>"
        )
        cells.append(
          "<td class=\"num\" data-value=\"\(CSVText.number(movement.totalDelta ?? 0))\">\(movement.totalText)</td>"
        )
      }
      cells.append(
        "<td class=\"num\" data-value=\"\(site.pagesCrawled)\">\(site.pagesCrawled)</td>")
      return "<tr>\(cells)</tr>\n"
    }
    return """
      <table id="ranking" class="sortable" aria-labelledby="ranking-title">
      <thead><tr>\(heads)</tr></thead>
      <tbody>
      \(rows)</tbody></table>
      """
  }

  private func unreachable(_ site: SiteResult) -> Markup {
    guard case .unreachable(let reason) = site.outcome else { return "" }
    return " <small class=\"down\">\(Words.text(.unreachable, language)): \(reason)</small>"
  }

  private var heatmap: Markup {
    let lang = language
    let heads =
      [HTMLParts.sortHeader(Words.text(.site, lang), numeric: false, firstDescending: false, lang)]
      + card.areas.map {
        HTMLParts.sortHeader($0.title[lang], numeric: true, firstDescending: true, lang)
      }
      + [HTMLParts.sortHeader(Words.text(.total, lang), numeric: true, firstDescending: true, lang)]
    let rows = zip(card.sites, slugs).map { site, slug -> Markup in
      let scores = card.areas.map { area -> Markup in
        guard let score = index.areaScore(site, area.id) else {
          return "<td class=\"num\" data-value=\"-1\">–</td>"
        }
        return
          "<td class=\"num \(HTMLAssets.heatClass(score))\" data-value=\"\(CSVText.number(score))\">\(format(score))</td>"
      }
      return """
        <tr><th scope="row" data-value="\(site.site.name)"><a href="sites/\(slug).html">\(site.site.name)</a></th>\
        \(scores)<td class="num \(HTMLAssets.heatClass(site.total))" data-value="\(CSVText.number(site.total))">\
        \(format(site.total))</td></tr>

        """
    }
    return """
      <table id="heatmap" class="sortable" aria-labelledby="heatmap-title">
      <thead><tr>\(heads)</tr></thead>
      <tbody>
      \(rows)</tbody></table>
      """
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
      let phrase = Words.passCount(counts.pass, of: card.sites.count, lang)
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
      <h2>\(Words.text(.changes, lang)) \(comparison.previousAsOf.description)</h2>
      <ul>\(items)</ul>

      """
  }
}
