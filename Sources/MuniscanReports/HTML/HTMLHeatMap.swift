import MuniscanCore

/// The index page's table of area scores, one row per site, with a legend under it. Each cell
/// shows its number on a shade of `HTMLStyle.heatScale`, a single-hue scale colour-blind readers
/// can read, never red against green. Site names stay in view while the table scrolls sideways.
/// Sites that were not audited follow in a body of their own, grey, with the reason.
struct HTMLHeatMap {
  let index: ScorecardIndex
  let audited: [HTMLSiteRow]
  let notAudited: [HTMLSiteRow]
  let words: ReportWords

  var body: Markup {
    let table: Markup = """
      <table id="heatmap" class="sortable heatmap" aria-labelledby="heatmap-title">
      <thead><tr>\(heads)</tr></thead>
      <tbody>
      \(audited.map(row))</tbody>\(notAuditedRows)</table>
      """
    return "\(HTMLParts.scrollBox(table, labelledBy: "heatmap-title", words))\n\(legend)"
  }

  private var heads: [Markup] {
    return [
      HTMLParts.sortHeader(words[.site], numeric: false, firstDescending: false, words)
    ]
      + index.card.areas.map {
        HTMLParts.sortHeader($0.title[words.language], numeric: true, firstDescending: true, words)
      }
      + [HTMLParts.sortHeader(words[.total], numeric: true, firstDescending: true, words)]
  }

  private func row(_ row: HTMLSiteRow) -> Markup {
    let scores = index.card.areas.map { area -> Markup in
      guard let score = index.areaScore(row.site, area.id) else {
        return "<td class=\"num\" data-value=\"-1\">–</td>"
      }
      return cell(score)
    }
    return "<tr>\(row.nameHeader())\(scores)\(cell(row.site.total ?? 0))</tr>\n"
  }

  private func cell(_ score: Double) -> Markup {
    """
    <td class="num \(HTMLStyle.heatClass(score))" data-value="\(CSVText.number(score))">\
    \(format(score))</td>
    """
  }

  private var notAuditedRows: Markup {
    guard !notAudited.isEmpty else { return "" }
    let span = index.card.areas.count + 1
    let rows = notAudited.map { row -> Markup in
      // The reason stays in view under the name, which does not scroll away.
      let reason = row.notAudited.map { HTMLParts.notAuditedLine($0, words) } ?? ""
      return "<tr>\(row.nameHeader(reason))<td colspan=\"\(span)\"></td></tr>\n"
    }
    return "\n<tbody class=\"not-audited\">\n\(rows)</tbody>"
  }

  /// What the shades mean, each shade with the lowest score it stands for, then the dash and the
  /// grey rows.
  private var legend: Markup {
    let shades = HTMLStyle.heatScale.indices.map { bucket -> Markup in
      "<li class=\"heat\(bucket)\">\(bucket * 10)</li>"
    }
    var notes: [Markup] = ["– \(words[.noScore])"]
    if !notAudited.isEmpty {
      notes.append("\(HTMLParts.notAuditedBadge(words))")
    }
    return """
      <div class="legend"><p>\(words[.heatLegend])</p>
      <ol class="scale">\(shades)</ol>
      <p>\(Markup(joining: notes, separator: " · "))</p></div>
      """
  }
}
