import MuniscanCore

/// The index page's sortable ranking: rank, site, total, band, the moves since the earlier run and
/// pages crawled, for the audited sites in the scorecard's order. Sites that were not audited
/// follow in a body of their own, which sorting leaves in place, with the reason instead of a
/// score: a site that could not be fetched has no score to rank.
struct HTMLRanking {
  let index: ScorecardIndex
  let audited: [HTMLSiteRow]
  let notAudited: [HTMLSiteRow]
  let words: ReportWords

  var body: Markup {
    let table: Markup = """
      <table id="ranking" class="sortable" aria-labelledby="ranking-title">
      <thead><tr>\(heads)</tr></thead>
      <tbody>
      \(audited.map(row))</tbody>\(notAuditedRows)</table>
      """
    return HTMLParts.scrollBox(table, labelledBy: "ranking-title", words)
  }

  private var compared: Bool { index.card.comparison != nil }

  private var heads: [Markup] {
    var heads: [Markup] = [
      HTMLParts.sortHeader(words[.rank], numeric: true, firstDescending: false, words),
      HTMLParts.sortHeader(words[.site], numeric: false, firstDescending: false, words),
      HTMLParts.sortHeader(words[.total], numeric: true, firstDescending: true, words),
      HTMLParts.sortHeader(
        words[.band], numeric: true, firstDescending: true, badges: true, words),
    ]
    if compared {
      heads.append(HTMLParts.sortHeader("±", numeric: true, firstDescending: true, words))
      heads.append(HTMLParts.sortHeader("Δ", numeric: true, firstDescending: true, words))
    }
    heads.append(
      HTMLParts.sortHeader(
        words[.pagesColumn], numeric: true, firstDescending: true, words))
    return heads
  }

  private func row(_ row: HTMLSiteRow) -> Markup {
    let site = row.site
    let total = site.total ?? 0
    var cells: [Markup] = [
      "<td class=\"num\" data-value=\"\(site.rank ?? 0)\">\(site.rank ?? 0)</td>",
      row.nameHeader(),
      "<td class=\"num\" data-value=\"\(CSVText.number(total))\">\(format(total))</td>",
      "<td data-value=\"\(CSVText.number(total))\">\(HTMLParts.bandBadge(site.band ?? .red, words))</td>",
    ]
    if let movement = index.movement(site) {
      cells.append(
        "<td class=\"num\" data-value=\"\(movement.rankDelta ?? 0)\">\(HTMLParts.movement(movement, words))</td>"
      )
      cells.append(
        "<td class=\"num\" data-value=\"\(CSVText.number(movement.totalDelta ?? 0))\">\(movement.totalText)</td>"
      )
    }
    cells.append("<td class=\"num\" data-value=\"\(site.pagesCrawled)\">\(site.pagesCrawled)</td>")
    return "<tr>\(cells)</tr>\n"
  }

  /// No rank and no total: the reason stands under the name, in view on a phone, and the
  /// columns from total to pages are left empty.
  private var notAuditedRows: Markup {
    guard !notAudited.isEmpty else { return "" }
    let span = compared ? 5 : 3
    let rows = notAudited.map { row -> Markup in
      let reason = row.notAudited.map { HTMLParts.notAudited($0, words) } ?? ""
      return """
        <tr><td class="num">–</td>\(row.nameHeader(reason))<td colspan="\(span)"></td></tr>

        """
    }
    return "\n<tbody class=\"not-audited\">\n\(rows)</tbody>"
  }
}
