import MuniscanCore

/// A site's page's table of every criterion: status, criterion, area, weight, evidence (the
/// first pieces, the rest behind a disclosure) and the reason, advice and legal basis. On a
/// narrow screen each row becomes a block whose cells name their column (`data-label`).
struct HTMLFindings {
  let site: SiteResult
  let index: ScorecardIndex
  let language: Language

  var body: Markup {
    let lang = language
    let heads: [Markup] = [
      HTMLParts.sortHeader(
        Words.text(.status, lang), numeric: true, firstDescending: false, badges: true, lang),
      HTMLParts.sortHeader(
        Words.text(.criterion, lang), numeric: false, firstDescending: false, lang),
      HTMLParts.sortHeader(Words.text(.area, lang), numeric: false, firstDescending: false, lang),
      HTMLParts.sortHeader(Words.text(.weight, lang), numeric: true, firstDescending: true, lang),
      "<th scope=\"col\">\(Words.text(.evidence, lang))</th>",
      "<th scope=\"col\">\(notesTitle)</th>",
    ]
    let rows = site.findings.map { finding -> Markup in
      let criterion = index.criterion(finding.ruleID)
      var notes: [Markup] = []
      if !finding.reason.isEmpty { notes.append("<p>\(HTMLParts.prose(finding.reason))</p>") }
      if finding.status != .pass, let advice = criterion?.advice[lang], !advice.isEmpty {
        notes.append("<p><strong>\(Words.text(.advice, lang)):</strong> \(advice)</p>")
      }
      if let basis = criterion?.basis, !basis.isEmpty {
        notes.append("<p class=\"meta\">\(Words.text(.basis, lang)): \(basis)</p>")
      }
      return """
        <tr><td data-value="\(statusOrder(finding.status))">\(HTMLParts.statusBadge(finding.status, lang))</td>\
        <th scope="row">\(index.criterionTitle(finding.ruleID, lang)) <small class="meta">\(finding.ruleID)</small></th>\
        <td class="short" data-label="\(Words.text(.area, lang))">\(index.areaTitle(finding.area, lang))</td>\
        <td class="num short" data-label="\(Words.text(.weight, lang))" data-value="\(CSVText.number(finding.weight))">\
        \(format(finding.weight))</td>\
        <td class="evidence" data-label="\(Words.text(.evidence, lang))">\(evidence(finding))</td>\
        <td class="notes" data-label="\(notesTitle)">\(notes)</td></tr>

        """
    }
    let table: Markup = """
      <table id="findings" class="sortable reflow" aria-labelledby="criteria-title">
      <thead><tr>\(heads)</tr></thead>
      <tbody>
      \(rows)</tbody></table>
      """
    return HTMLParts.scrollBox(table, labelledBy: "criteria-title", lang)
  }

  private var notesTitle: String {
    "\(Words.text(.reason, language)) / \(Words.text(.advice, language))"
  }

  private func evidence(_ finding: Finding) -> Markup {
    guard !finding.evidence.isEmpty else {
      return "<span class=\"meta\">\(Words.text(.noEvidence, language))</span>"
    }
    let items = finding.evidence.map { item -> Markup in
      var parts: [Markup] = ["\(item.kind): <span class=\"snippet\">“\(item.snippet)”</span>"]
      if let date = item.date { parts.append(" (\(HTMLParts.date(date)))") }
      parts.append("<br>\(HTMLParts.externalLink(item.url))")
      if let target = item.target, target != item.url {
        parts.append(" → \(HTMLParts.externalLink(target))")
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
