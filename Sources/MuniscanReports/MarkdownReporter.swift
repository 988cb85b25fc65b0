import MuniscanCore

/// Markdown for CI job summaries and issues: for many sites the band counts, the ranking, the
/// sites not audited apart with the reason, how many of the audited sites pass each criterion
/// and the changes since the earlier run; for one site its areas, a to-do list with the rules'
/// advice, and every criterion with its evidence (or, not audited, why).
public struct MarkdownReporter: Reporter {
  public let name = "markdown"
  public let fileName = "scorecard.md"

  public init() {}

  public func render(_ scorecard: Scorecard, options: ReportOptions) throws -> String {
    let index = ScorecardIndex(scorecard)
    let lines =
      scorecard.sites.count == 1
      ? site(scorecard.sites[0], index, options.words) : ranking(index, options.words)
    return (lines + changes(index, options.words)).joined(separator: "\n") + "\n"
  }

  private func ranking(_ index: ScorecardIndex, _ words: ReportWords) -> [String] {
    let card = index.card
    let compared = card.comparison != nil
    let audited = index.audited
    let notAudited = index.notAudited
    var lines = [
      "## " + words[.title], "",
      "\(words[.ruleset]) \(MarkdownText.escape(card.ruleSetID)) "
        + "\(MarkdownText.escape(card.ruleSetVersion)) · \(words[.asOf]) \(card.asOf) · "
        + "\(card.sites.count) \(words[.sites])",
      "",
      "**\(words[.bands]):** "
        + (index.bandCounts.map { "\(badge($0.band, words)) \($0.count)" }
        + (notAudited.isEmpty ? [] : ["⚪ \(words[.notAudited]) \(notAudited.count)"]))
        .joined(separator: " · "),
      "", "### " + words[.ranking], "",
    ]
    var head = [
      words[.rank], words[.site], words[.total],
      words[.band],
    ]
    head += card.areas.map { MarkdownText.escape($0.title[words.language]) }
    var align = ["---:", "---", "---:", "---"] + card.areas.map { _ in "---:" }
    if compared {
      head += ["±", "Δ"]
      align += ["---:", "---:"]
    }
    lines += [MarkdownText.row(head), MarkdownText.row(align)]
    for site in audited {
      var cells = [
        site.rank.map(String.init) ?? "", MarkdownText.link(site.site.name, site.site.url),
        format(site.total ?? 0), badge(site.band ?? .red, words),
      ]
      cells += card.areas.map { area in index.areaScore(site, area.id).map(format) ?? "–" }
      if let movement = index.movement(site) {
        cells += [movement.rankText(words), movement.totalText]
      }
      lines.append(MarkdownText.row(cells))
    }
    if !notAudited.isEmpty {
      lines += ["", "### " + words[.notAuditedTitle], ""]
      lines += notAudited.map { notAuditedItem($0, words) }
    }
    lines += ["", "### " + words[.criteria], ""]
    lines.append(
      MarkdownText.row([
        words[.criterion], words[.area], words.status(.pass),
        words.status(.partial), words.status(.fail), words.status(.unknown),
      ]))
    lines.append(MarkdownText.row(["---", "---", "---", "---:", "---:", "---:"]))
    for criterion in card.criteria {
      lines.append(
        MarkdownText.row([
          MarkdownText.escape(criterion.title[words.language]) + " ("
            + MarkdownText.escape(criterion.id)
            + ")",
          MarkdownText.escape(index.areaTitle(criterion.area, words)),
          words.passCount(criterion.counts.pass, of: audited.count),
          "\(criterion.counts.partial)", "\(criterion.counts.fail)", "\(criterion.counts.unknown)",
        ]))
    }
    return lines
  }

  private func site(_ result: SiteResult, _ index: ScorecardIndex, _ words: ReportWords) -> [String]
  {
    let card = index.card
    var lines = [
      "## " + MarkdownText.escape(result.site.name) + " — "
        + MarkdownText.link(result.site.url, result.site.url), "",
      "\(words[.ruleset]) \(MarkdownText.escape(card.ruleSetID)) "
        + "\(MarkdownText.escape(card.ruleSetVersion)) · \(words[.asOf]) \(card.asOf) · "
        + "\(result.pagesCrawled) \(words[.pages])",
      "",
    ]
    guard result.isAudited else { return lines + [notAuditedItem(result, words)] }
    let total = result.total ?? 0
    var headline =
      "**\(words[.total]): \(format(total)) / 100** · \(badge(result.band ?? .red, words))"
    if let previous = index.change(result)?.previousTotal {
      headline +=
        " · \(words[.previous]) \(format(previous)) (\(signed(total - previous)))"
    }
    lines += [headline, ""]
    lines += [
      MarkdownText.row([words[.area], words[.score]]),
      MarkdownText.row(["---", "---:"]),
    ]
    for area in result.areas {
      lines.append(
        MarkdownText.row([
          MarkdownText.escape(index.areaTitle(area.area, words)), format(area.score),
        ]))
    }
    lines += ["", "### " + words[.todo], ""]
    let missing = result.findings.filter { $0.status == .fail || $0.status == .partial }
    if missing.isEmpty { lines.append(words[.nothingToFix]) }
    for finding in missing.sorted(by: { $0.weight > $1.weight }) {
      lines.append(
        "- [ ] **\(MarkdownText.escape(index.criterionTitle(finding.ruleID, words)))** "
          + "(\(MarkdownText.escape(finding.ruleID))): \(MarkdownText.escape(index.advice(finding.ruleID, words)))"
      )
    }
    lines += ["", "### " + words[.criteria], ""]
    lines.append(
      MarkdownText.row([
        words[.status], words[.criterion], words[.evidence],
        words[.reason],
      ]))
    lines.append(MarkdownText.row(["---", "---", "---", "---"]))
    for finding in result.findings {
      let evidence = finding.evidence.map { item in
        MarkdownText.link(item.snippet.isEmpty ? item.url : item.snippet, item.url)
          + " (\(MarkdownText.escape(words.evidenceKind(item.kind))))"
      }
      lines.append(
        MarkdownText.row([
          words.status(finding.status),
          MarkdownText.escape(index.criterionTitle(finding.ruleID, words)) + " ("
            + MarkdownText.escape(finding.ruleID) + ")",
          evidence.isEmpty ? "–" : evidence.joined(separator: "<br>"),
          MarkdownText.escape(words.reason(finding.reason)),
        ]))
    }
    return lines
  }

  private func changes(_ index: ScorecardIndex, _ words: ReportWords) -> [String] {
    guard let comparison = index.card.comparison else { return [] }
    var lines = ["", "### \(words[.changes]) \(comparison.previousAsOf)", ""]
    let changed = index.sitesWithChanges
    if changed.isEmpty, comparison.removedSites.isEmpty { lines.append("–") }
    for (site, change) in changed {
      var line = "- **\(MarkdownText.escape(site.site.name))**"
      if let movement = index.movement(site) {
        line += " \(movement.rankText(words)) \(movement.totalText)"
      }
      if !change.gained.isEmpty {
        line +=
          " — ▲ \(words[.gained]): "
          + change.gained.map { MarkdownText.escape($0.summary) }.joined(separator: ", ")
      }
      if !change.lost.isEmpty {
        line +=
          " — ▼ \(words[.lost]): "
          + change.lost.map { MarkdownText.escape($0.summary) }.joined(separator: ", ")
      }
      lines.append(line)
    }
    for removed in comparison.removedSites {
      lines.append(
        "- **\(MarkdownText.escape(removed.name))** — ✕ "
          + MarkdownText.escape(removed.summary(words)))
    }
    return lines
  }

  /// "- **Kadunud vald** (<https://kadunud.ee/>) — Not audited: the server refused the
  /// connection (connection refused)".
  private func notAuditedItem(_ result: SiteResult, _ words: ReportWords) -> String {
    let reason = NotAuditedReason(result.outcome).map { $0.line(words) } ?? ""
    return
      "- **\(MarkdownText.escape(result.site.name))** (\(MarkdownText.link(result.site.url, result.site.url))) — "
      + MarkdownText.escape(reason)
  }

  private func badge(_ band: Band, _ words: ReportWords) -> String {
    let dot: String
    switch band {
    case .green: dot = "🟢"
    case .yellow: dot = "🟡"
    case .red: dot = "🔴"
    }
    return "\(dot) \(words.band(band))"
  }
}
