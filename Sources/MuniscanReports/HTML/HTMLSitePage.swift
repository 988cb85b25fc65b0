import MuniscanCore

/// One site's page of the HTML report: total, band and rank, changes and trend, area chart,
/// a to-do list with the rules' advice, and every criterion with its evidence links. A site that
/// was not audited gets the reason instead of a score, and no chart, list or criteria to judge.
struct HTMLSitePage {
  let site: SiteResult
  let index: ScorecardIndex
  let words: ReportWords

  private var notAudited: NotAuditedReason? { NotAuditedReason(site.outcome) }

  var body: Markup {
    let card = index.card
    return """
      <nav><a href="../index.html">← \(words[.allSites])</a></nav>
      <header><h1>\(site.site.name)</h1>
      <p>\(HTMLParts.externalLink(site.site.url))</p>
      <p class="meta">\(words[.ruleset]) \(card.ruleSetID) \(card.ruleSetVersion) · \
      \(words[.asOf]) \(HTMLParts.date(card.asOf))\(rank)</p>
      \(score)
      </header>
      <main>
      \(trend)\(changes)\(judged)
      <h2>\(words[.crawl])</h2>
      <p>\(site.pagesCrawled) \(words[.pages]) · \(site.crawl.requests) \(words[.requests]) · \
      \(site.crawl.errors) \(words[.errors]) · \(site.crawl.robotsExcluded) \(words[.robotsExcluded]) · \
      \(byteCount(site.crawl.bytes))</p>
      </main>
      <footer>muniscan · \(card.ruleSetID) \(card.ruleSetVersion) · \(HTMLParts.date(card.asOf))</footer>
      """
  }

  /// " · rank 3 of 22", counting the audited sites only.
  private var rank: Markup {
    guard notAudited == nil else { return "" }
    let ranked = index.audited.count
    return " · \(words.rankOf(site.rank ?? 0, ranked))"
  }

  /// The total, band and move; for a site that was not audited, why not.
  private var score: Markup {
    if let notAudited {
      return "<div class=\"unreachable\">\(HTMLParts.notAudited(notAudited, words))</div>"
    }
    return """
      <p><span class="big">\(format(site.total ?? 0))</span> / 100 \(HTMLParts.bandBadge(site.band ?? .red, words))\(movement)</p>
      """
  }

  /// The area chart, the to-do list and every criterion; for a site that was not audited, the
  /// note that nothing could be judged.
  private var judged: Markup {
    guard notAudited == nil else {
      return "<h2>\(words[.criteria])</h2>\n<p>\(words[.notAuditedNote])</p>"
    }
    return """
      <h2>\(words[.areasChart])</h2>
      \(areasChart)
      <h2>\(words[.todo])</h2>
      \(todo)
      <h2 id="criteria-title">\(words[.criteria])</h2>
      \(HTMLFindings(site: site, index: index, words: words).body)
      """
  }

  private var movement: Markup {
    guard let movement = index.movement(site) else { return "" }
    guard let previous = index.change(site)?.previousTotal,
      let rank = index.change(site)?.previousRank
    else {
      return " · \(words[movement.afterGap ? .wasNotAudited : .new])"
    }
    return """
       · \(words[.previous]) \(format(previous)) (\(movement.totalText)), \
      \(words[.rank].lowercased()) \(rank) \(HTMLParts.movement(movement, words))
      """
  }

  private var trend: Markup {
    guard let points = site.trend, !points.isEmpty else { return "" }
    // This run's total joins the line only when there is one.
    let now = site.total.map { [(asOf: index.card.asOf, total: $0)] } ?? []
    let line = points.map { (asOf: $0.asOf, total: $0.total) } + now
    let title = words[.trend]
    let steps = line.map { "\(HTMLParts.date($0.asOf)): \(format($0.total))" as Markup }
    return """
      <h2>\(title)</h2>
      \(HTMLCharts.sparkline(line, title: title))
      <p class="meta">\(Markup(joining: steps, separator: " → "))</p>

      """
  }

  private var changes: Markup {
    guard let comparison = index.card.comparison, let change = index.change(site),
      !change.gained.isEmpty || !change.lost.isEmpty
    else { return "" }
    return """
      <h2>\(words[.changes]) \(HTMLParts.date(comparison.previousAsOf))</h2>
      \(HTMLParts.changeList(change, index, words))

      """
  }

  private var areasChart: Markup {
    let bars = site.areas.map { area in
      HTMLCharts.Bar(
        label: index.areaTitle(area.area, words), value: area.score,
        band: index.card.bands.band(for: area.score))
    }
    return HTMLCharts.bars(bars, title: words[.areasChart], words)
  }

  private var todo: Markup {
    let missing = site.findings.filter { $0.status == .fail || $0.status == .partial }
    guard !missing.isEmpty else { return "<p>\(words[.nothingToFix])</p>" }
    let items = missing.sorted { $0.weight > $1.weight }.map { finding -> Markup in
      """
      <li>\(HTMLParts.statusBadge(finding.status, words)) <strong>\(index.criterionTitle(finding.ruleID, words))\
      </strong>: \(index.advice(finding.ruleID, words))</li>

      """
    }
    return "<ol>\n\(items)</ol>"
  }
}
