import MuniscanCore

/// One site's page of the HTML report: total, band and rank, changes and trend, area chart,
/// a to-do list with the rules' advice, and every criterion with its evidence links.
struct HTMLSitePage {
  let site: SiteResult
  let index: ScorecardIndex
  let language: Language

  var body: Markup {
    let lang = language
    let card = index.card
    return """
      <nav><a href="../index.html">← \(Words.text(.allSites, lang))</a></nav>
      <header><h1>\(site.site.name)</h1>
      <p>\(HTMLParts.externalLink(site.site.url, site.site.url))</p>
      <p class="meta">\(Words.text(.ruleset, lang)) \(card.ruleSetID) \(card.ruleSetVersion) · \
      \(Words.text(.asOf, lang)) \(card.asOf.description) · \(Words.rankOf(site.rank, card.sites.count, lang))</p>
      \(unreachable)
      <p><span class="big">\(format(site.total))</span> / 100 \(HTMLParts.bandBadge(site.band, lang))\(movement)</p>
      </header>
      <main>
      \(trend)\(changes)<h2>\(Words.text(.areasChart, lang))</h2>
      \(areasChart)
      <h2>\(Words.text(.todo, lang))</h2>
      \(todo)
      <h2 id="criteria-title">\(Words.text(.criteria, lang))</h2>
      \(criteria)
      <h2>\(Words.text(.crawl, lang))</h2>
      <p>\(site.pagesCrawled) \(Words.text(.pages, lang)) · \(site.crawl.requests) \(Words.text(.requests, lang)) · \
      \(site.crawl.errors) \(Words.text(.errors, lang)) · \(site.crawl.robotsExcluded) \(Words.text(.robotsExcluded, lang)) · \
      \(byteCount(site.crawl.bytes))</p>
      </main>
      <footer>muniscan · \(card.ruleSetID) \(card.ruleSetVersion) · \(card.asOf.description)</footer>
      """
  }

  private var unreachable: Markup {
    guard case .unreachable(let reason) = site.outcome else { return "" }
    return "<p class=\"unreachable\">\(Words.text(.unreachable, language)): \(reason)</p>"
  }

  private var movement: Markup {
    guard let movement = index.movement(site) else { return "" }
    guard let previous = index.change(site)?.previousTotal,
      let rank = index.change(site)?.previousRank
    else {
      return " · \(Words.text(.new, language))"
    }
    return """
       · \(Words.text(.previous, language)) \(format(previous)) (\(movement.totalText)), \
      \(Words.text(.rank, language).lowercased()) \(rank) \(HTMLParts.movement(movement, language))
      """
  }

  private var trend: Markup {
    guard let points = site.trend, !points.isEmpty else { return "" }
    let line =
      points.map { (asOf: $0.asOf, total: $0.total) } + [(asOf: index.card.asOf, total: site.total)]
    let title = Words.text(.trend, language)
    let steps = line.map { "\($0.asOf.description): \(format($0.total))" }.joined(separator: " → ")
    return
      "<h2>\(title)</h2>\n\(HTMLCharts.sparkline(line, title: title))\n<p class=\"meta\">\(steps)</p>\n"
  }

  private var changes: Markup {
    guard let comparison = index.card.comparison, let change = index.change(site),
      !change.gained.isEmpty || !change.lost.isEmpty
    else { return "" }
    return """
      <h2>\(Words.text(.changes, language)) \(comparison.previousAsOf.description)</h2>
      \(HTMLParts.changeList(change, index, language))

      """
  }

  private var areasChart: Markup {
    let bars = site.areas.map { area in
      HTMLCharts.Bar(
        label: index.areaTitle(area.area, language), value: area.score,
        band: index.card.bands.band(for: area.score))
    }
    return HTMLCharts.bars(bars, title: Words.text(.areasChart, language))
  }

  private var todo: Markup {
    let missing = site.findings.filter { $0.status == .fail || $0.status == .partial }
    guard site.outcome.isReachable else { return "<p>–</p>" }
    guard !missing.isEmpty else { return "<p>\(Words.text(.nothingToFix, language))</p>" }
    let items = missing.sorted { $0.weight > $1.weight }.map { finding -> Markup in
      """
      <li>\(HTMLParts.statusBadge(finding.status, language)) <strong>\(index.criterionTitle(finding.ruleID, language))\
      </strong>: \(index.advice(finding.ruleID, language))</li>

      """
    }
    return "<ol>\n\(items)</ol>"
  }

  private var criteria: Markup {
    let lang = language
    let heads: [Markup] = [
      HTMLParts.sortHeader(
        Words.text(.status, lang), numeric: true, firstDescending: false, badges: true, lang),
      HTMLParts.sortHeader(
        Words.text(.criterion, lang), numeric: false, firstDescending: false, lang),
      HTMLParts.sortHeader(Words.text(.area, lang), numeric: false, firstDescending: false, lang),
      HTMLParts.sortHeader(Words.text(.weight, lang), numeric: true, firstDescending: true, lang),
      "<th scope=\"col\">\(Words.text(.evidence, lang))</th>",
      "<th scope=\"col\">\(Words.text(.reason, lang)) / \(Words.text(.advice, lang))</th>",
    ]
    let rows = site.findings.map { finding -> Markup in
      let criterion = index.criterion(finding.ruleID)
      var notes: [Markup] = []
      if !finding.reason.isEmpty { notes.append("<p>\(finding.reason)</p>") }
      if finding.status != .pass, let advice = criterion?.advice[lang], !advice.isEmpty {
        notes.append("<p><strong>\(Words.text(.advice, lang)):</strong> \(advice)</p>")
      }
      if let basis = criterion?.basis, !basis.isEmpty {
        notes.append("<p class=\"meta\">\(Words.text(.basis, lang)): \(basis)</p>")
      }
      return """
        <tr><td data-value="\(statusOrder(finding.status))">\(HTMLParts.statusBadge(finding.status, lang))</td>\
        <th scope="row">\(index.criterionTitle(finding.ruleID, lang)) <small class="meta">\(finding.ruleID)</small></th>\
        <td>\(index.areaTitle(finding.area, lang))</td>\
        <td class="num" data-value="\(CSVText.number(finding.weight))">\(format(finding.weight))</td>\
        <td>\(evidence(finding))</td><td>\(notes)</td></tr>

        """
    }
    return """
      <table id="findings" class="sortable" aria-labelledby="criteria-title">
      <thead><tr>\(heads)</tr></thead>
      <tbody>
      \(rows)</tbody></table>
      """
  }

  private func evidence(_ finding: Finding) -> Markup {
    guard !finding.evidence.isEmpty else {
      return "<span class=\"meta\">\(Words.text(.noEvidence, language))</span>"
    }
    let items = finding.evidence.map { item -> Markup in
      var parts: [Markup] = ["\(item.kind): <span class=\"snippet\">“\(item.snippet)”</span>"]
      if let date = item.date { parts.append(" (\(date.description))") }
      parts.append("<br>\(HTMLParts.externalLink(item.url, item.url))")
      if let target = item.target, target != item.url {
        parts.append(" → \(HTMLParts.externalLink(target, target))")
      }
      return "<li>\(parts)</li>"
    }
    // The first pieces of evidence, the rest behind a disclosure so long lists stay readable.
    let shown = 3
    guard items.count > shown + 1 else { return "<ul class=\"evidence\">\(items)</ul>" }
    return """
      <ul class="evidence">\(Array(items.prefix(shown)))</ul><details><summary>\(items.count - shown) \
      \(Words.text(.more, language))</summary><ul class="evidence">\(Array(items.dropFirst(shown)))</ul></details>
      """
  }

  /// Sort order of statuses: what needs work first when sorted ascending.
  private func statusOrder(_ status: FindingStatus) -> Int {
    switch status {
    case .unknown: return 0
    case .fail: return 1
    case .partial: return 2
    case .pass: return 3
    }
  }
}
