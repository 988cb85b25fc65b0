import MuniscanCore

/// A site's page's table of every criterion: status, criterion, area, weight, evidence (the
/// first pieces, the rest behind a disclosure) and the reason, advice and legal basis. On a
/// narrow screen each row becomes a block whose cells name their column (`data-label`).
struct HTMLFindings {
  let site: SiteResult
  let index: ScorecardIndex
  let words: ReportWords

  var body: Markup {
    let heads: [Markup] = [
      HTMLParts.sortHeader(
        words[.status], numeric: true, firstDescending: false, badges: true, words),
      HTMLParts.sortHeader(
        words[.criterion], numeric: false, firstDescending: false, words),
      HTMLParts.sortHeader(words[.area], numeric: false, firstDescending: false, words),
      HTMLParts.sortHeader(words[.weight], numeric: true, firstDescending: true, words),
      "<th scope=\"col\">\(words[.evidence])</th>",
      "<th scope=\"col\">\(notesTitle)</th>",
    ]
    let rows = site.findings.map { finding -> Markup in
      let criterion = index.criterion(finding.ruleID)
      var notes: [Markup] = []
      notes.append("<p>\(HTMLParts.prose(words.reason(finding.reason)))</p>")
      if finding.status != .pass, let advice = criterion?.advice[words.language], !advice.isEmpty {
        notes.append("<p><strong>\(words[.advice]):</strong> \(advice)</p>")
      }
      if let basis = criterion?.basis, !basis.isEmpty {
        notes.append("<p class=\"meta\">\(words[.basis]): \(basis)</p>")
      }
      return """
        <tr><td data-value="\(statusOrder(finding.status))">\(HTMLParts.statusBadge(finding.status, words))</td>\
        <th scope="row">\(index.criterionTitle(finding.ruleID, words)) <small class="meta">\(finding.ruleID)</small></th>\
        <td class="short" data-label="\(words[.area])">\(index.areaTitle(finding.area, words))</td>\
        <td class="num short" data-label="\(words[.weight])" data-value="\(CSVText.number(finding.weight))">\
        \(format(finding.weight))</td>\
        <td class="evidence" data-label="\(words[.evidence])">\(evidence(finding))</td>\
        <td class="notes" data-label="\(notesTitle)">\(notes)</td></tr>

        """
    }
    let table: Markup = """
      <table id="findings" class="sortable reflow" aria-labelledby="criteria-title">
      <thead><tr>\(heads)</tr></thead>
      <tbody>
      \(rows)</tbody></table>
      """
    return HTMLParts.scrollBox(table, labelledBy: "criteria-title", words)
  }

  private var notesTitle: String {
    "\(words[.reason]) / \(words[.advice])"
  }

  private func evidence(_ finding: Finding) -> Markup {
    guard !finding.evidence.isEmpty else {
      return "<span class=\"meta\">\(words[.noEvidence])</span>"
    }
    let items = finding.evidence.map { item -> Markup in
      var parts: [Markup] = [
        "\(words.evidenceKind(item.kind)): <span class=\"snippet\">“\(item.snippet)”</span>"
      ]
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
      \(words[.more])</summary><ul class="evidence">\(Array(items.dropFirst(shown)))</ul></details>
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
