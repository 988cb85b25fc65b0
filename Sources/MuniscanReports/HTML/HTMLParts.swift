import MuniscanCore

/// Pieces both kinds of page use: badges, links, sortable headers, changes, dates, tables that
/// scroll on their own, and the notice of a site that was not audited.
enum HTMLParts {
  static func bandBadge(_ band: Band, _ words: ReportWords) -> Markup {
    "<span class=\"badge band-\(band.rawValue)\">\(words.band(band))</span>"
  }

  static func statusBadge(_ status: FindingStatus, _ words: ReportWords) -> Markup {
    "<span class=\"badge status-\(status.rawValue)\">\(words.status(status))</span>"
  }

  /// The URL as a link when it is http(s), otherwise as text, never an `href`. Either way it
  /// may break after a slash or before a query part, and anywhere when a part is still too long.
  static func externalLink(_ url: String) -> Markup {
    guard let link = WebURL.linkable(url) else {
      return "<span class=\"url\">\(breakable(url))</span>"
    }
    return
      "<a class=\"url\" href=\"\(link)\" rel=\"nofollow noopener noreferrer\">\(breakable(url))</a>"
  }

  /// A URL with a line break opportunity (`<wbr>`) after each `/` but those of `//`, and before
  /// each `?`, `&` and `#`.
  private static func breakable(_ url: String) -> Markup {
    var parts: [Markup] = []
    var piece = ""
    var previous: Character = " "
    for character in url {
      let before = "?&#".contains(character) && !piece.isEmpty
      let after = previous == "/" && character != "/" && !piece.hasSuffix("//")
      if before || after {
        parts.append("\(piece)<wbr>")
        piece = ""
      }
      piece.append(character)
      previous = character
    }
    parts.append("\(piece)")
    return Markup(joining: parts)
  }

  /// A sortable column header; numbers are sorted by the cells' `data-value` and aligned right
  /// unless the cells are badges.
  static func sortHeader(
    _ title: String, numeric: Bool, firstDescending: Bool, badges: Bool = false,
    _ words: ReportWords
  ) -> Markup {
    let kind = numeric ? "number" : "text"
    let first = firstDescending ? "descending" : "ascending"
    let classes = numeric && !badges ? " class=\"num\"" : ""
    return """
      <th scope="col"\(Markup(trusted: classes)) data-sort="\(kind)" data-first="\(first)">\
      <button type="button" title="\(words[.sortBy]): \(title)">\(title)</button></th>
      """
  }

  /// A table in a box that scrolls sideways on its own when the table is wider than the page,
  /// so the page itself never does; the script shows the hint above it while it overflows.
  static func scrollBox(_ table: Markup, labelledBy title: String, _ words: ReportWords)
    -> Markup
  {
    """
    <p class="scroll-hint" hidden>↔ \(words[.scrollHint])</p>
    <div class="scroll" role="region" tabindex="0" aria-labelledby="\(title)">
    \(table)
    </div>
    """
  }

  /// "▲2" in green, "▼1" in red, "=" or "new" plain.
  static func movement(_ movement: Movement, _ words: ReportWords) -> Markup {
    let text = movement.rankText(words)
    guard let delta = movement.rankDelta, delta != 0 else { return "\(text)" }
    return "<span class=\"\(delta > 0 ? "up" : "down")\">\(text)</span>"
  }

  static func changeList(_ change: SiteChange, _ index: ScorecardIndex, _ words: ReportWords)
    -> Markup
  {
    let items =
      change.gained.map { item -> Markup in
        "<li class=\"up\">▲ \(words[.gained]): \(index.criterionTitle(item.ruleID, words)) (\(words.status(item.from)) → \(words.status(item.to)))</li>"
      }
      + change.lost.map { item -> Markup in
        "<li class=\"down\">▼ \(words[.lost]): \(index.criterionTitle(item.ruleID, words)) (\(words.status(item.from)) → \(words.status(item.to)))</li>"
      }
    return "<ul>\(items)</ul>"
  }

  /// A date that never breaks across lines.
  static func date(_ day: Day) -> Markup { "<span class=\"date\">\(day.description)</span>" }

  /// Text with each ISO date in it (YYYY-MM-DD) kept on one line.
  static func prose(_ text: String) -> Markup {
    let characters = Array(text)
    let shape = Array("dddd-dd-dd")
    func isDate(at start: Int) -> Bool {
      guard start + shape.count <= characters.count else { return false }
      return zip(characters[start...], shape).allSatisfy { character, expected in
        expected == "d" ? character.isASCII && character.isNumber : character == expected
      }
    }
    var parts: [Markup] = []
    var plain = ""
    var position = 0
    while position < characters.count {
      if isDate(at: position) {
        let date = String(characters[position..<position + shape.count])
        parts.append("\(plain)<span class=\"date\">\(date)</span>")
        plain = ""
        position += shape.count
      } else {
        plain.append(characters[position])
        position += 1
      }
    }
    parts.append("\(plain)")
    return Markup(joining: parts)
  }

  static func notAuditedBadge(_ words: ReportWords) -> Markup {
    "<span class=\"badge not-audited\">\(words[.notAudited])</span>"
  }

  /// Why a site was not audited: the badge and the plain reason, which opens onto the crawl's
  /// own message.
  static func notAudited(_ reason: NotAuditedReason, _ words: ReportWords) -> Markup {
    """
    \(notAuditedBadge(words)) <details class="why"><summary>\(reason.text(words))</summary>\
    <p class="meta">\(words[.technicalDetail]): <code class="url">\(reason.message)</code></p></details>
    """
  }

  /// The short form where a row has no room for more (charts, heat map): "not audited: the
  /// server refused the connection", the crawl's message in the tooltip.
  static func notAuditedLine(_ reason: NotAuditedReason, _ words: ReportWords) -> Markup {
    """
    <span class="why" title="\(words[.technicalDetail]): \(reason.message)">\
    \(words[.notAudited]): \(reason.text(words))</span>
    """
  }
}
