import MuniscanCore

/// Charts of the HTML report, with no script and no library: horizontal bars for totals and
/// area scores as an HTML list (the labels are text that keeps its size and wraps on a phone; only
/// the bar itself is a stretched SVG), a sparkline for a site's total over time, and a site's
/// status shares. Every label goes through `Markup`, so a site name cannot break out.
enum HTMLCharts {
  /// One row of a bar chart: a label, a score 0–100, its band colour and an optional link; a
  /// site that was not audited has the reason instead of a bar.
  struct Bar {
    var label: String
    var value: Double
    var band: Band
    var href: String?
    var notAudited: NotAuditedReason?
  }

  static func bars(_ bars: [Bar], title: String, _ words: ReportWords) -> Markup {
    let rows = bars.map { bar -> Markup in
      var label: Markup = "\(bar.label)"
      if let href = bar.href { label = "<a href=\"\(href)\">\(label)</a>" }
      if let reason = bar.notAudited {
        return """
          <li class="not-audited"><span class="label">\(label)</span>\
          \(HTMLParts.notAuditedLine(reason, words))</li>

          """
      }
      let length = format(max(0, min(100, bar.value)))
      return """
        <li><span class="label">\(label)</span>\
        <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">\
        <rect width="100" height="10" fill="#eaeef2"/>\
        <rect width="\(length)" height="10" fill="\(color(bar.band))"/></svg>\
        <span class="value">\(format(bar.value))</span></li>

        """
    }
    return "<ul class=\"bars\" aria-label=\"\(title)\">\n\(rows)</ul>"
  }

  /// A small line of totals over runs, oldest first, each point titled with its date.
  static func sparkline(_ points: [(asOf: Day, total: Double)], title: String) -> Markup {
    let width = 240
    let height = 60
    let step = points.count > 1 ? Double(width - 20) / Double(points.count - 1) : 0
    let coordinates = points.enumerated().map { position, point in
      (
        x: 10 + Int((Double(position) * step).rounded()),
        y: height - 8 - Int((point.total / 100 * Double(height - 16)).rounded())
      )
    }
    let line = coordinates.map { "\($0.x),\($0.y)" }.joined(separator: " ")
    let dots = zip(points, coordinates).map { point, at -> Markup in
      "<circle cx=\"\(at.x)\" cy=\"\(at.y)\" r=\"3\" fill=\"#0550ae\"><title>\(point.asOf.description): \(format(point.total))</title></circle>"
    }
    return """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" \
      height="\(height)" role="img" aria-label="\(title)"><title>\(title)</title>
      <rect x="0" y="0" width="\(width)" height="\(height)" fill="#f6f8fa"/>
      <polyline points="\(line)" fill="none" stroke="#0550ae" stroke-width="2"/>\(dots)</svg>
      """
  }

  /// Status shares of one criterion as a thin stacked bar.
  static func statusBar(_ counts: StatusCounts, title: String) -> Markup {
    let width = 120
    let total = max(1, counts.total)
    var x = 0
    var parts: [Markup] = []
    let shares: [(FindingStatus, Int)] = [
      (.pass, counts.pass), (.partial, counts.partial), (.fail, counts.fail),
      (.unknown, counts.unknown),
    ]
    for (status, count) in shares where count > 0 {
      let length = Int((Double(count) / Double(total) * Double(width)).rounded())
      parts.append(
        "<rect x=\"\(x)\" y=\"0\" width=\"\(length)\" height=\"10\" fill=\"\(color(status))\"/>")
      x += length
    }
    return """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) 10" width="\(width)" height="10" \
      role="img" aria-label="\(title)">\(parts)</svg>
      """
  }

  static func color(_ band: Band) -> String {
    switch band {
    case .green: return "#1a7f37"
    case .yellow: return "#d4a72c"
    case .red: return "#cf222e"
    }
  }

  static func color(_ status: FindingStatus) -> String {
    switch status {
    case .pass: return "#1a7f37"
    case .partial: return "#d4a72c"
    case .fail: return "#cf222e"
    case .unknown: return "#8c959f"
    }
  }
}
