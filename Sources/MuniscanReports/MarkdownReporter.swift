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
      ? site(scorecard.sites[0], index, options.language) : ranking(index, options.language)
    return (lines + changes(index, options.language)).joined(separator: "\n") + "\n"
  }

  private func ranking(_ index: ScorecardIndex, _ lang: Language) -> [String] {
    let card = index.card
    let compared = card.comparison != nil
    let audited = index.audited
    let notAudited = index.notAudited
    var lines = [
      "## " + Words.text(.title, lang), "",
      "\(Words.text(.ruleset, lang)) \(MarkdownText.escape(card.ruleSetID)) "
        + "\(MarkdownText.escape(card.ruleSetVersion)) · \(Words.text(.asOf, lang)) \(card.asOf) · "
        + "\(card.sites.count) \(Words.text(.sites, lang))",
      "",
      "**\(Words.text(.bands, lang)):** "
        + (index.bandCounts.map { "\(badge($0.band, lang)) \($0.count)" }
        + (notAudited.isEmpty ? [] : ["⚪ \(Words.text(.notAudited, lang)) \(notAudited.count)"]))
        .joined(separator: " · "),
      "", "### " + Words.text(.ranking, lang), "",
    ]
    var head = [
      Words.text(.rank, lang), Words.text(.site, lang), Words.text(.total, lang),
      Words.text(.band, lang),
    ]
    head += card.areas.map { MarkdownText.escape($0.title[lang]) }
    var align = ["---:", "---", "---:", "---"] + card.areas.map { _ in "---:" }
    if compared {
      head += ["±", "Δ"]
      align += ["---:", "---:"]
    }
    lines += [MarkdownText.row(head), MarkdownText.row(align)]
    for site in audited {
      var cells = [
        site.rank.map(String.init) ?? "", MarkdownText.link(site.site.name, site.site.url),
        format(site.total ?? 0), badge(site.band ?? .red, lang),
      ]
      cells += card.areas.map { area in index.areaScore(site, area.id).map(format) ?? "–" }
      if let movement = index.movement(site) {
        cells += [movement.rankText(lang), movement.totalText]
      }
      lines.append(MarkdownText.row(cells))
    }
    if !notAudited.isEmpty {
      lines += ["", "### " + Words.text(.notAuditedTitle, lang), ""]
      lines += notAudited.map { notAuditedItem($0, lang) }
    }
    lines += ["", "### " + Words.text(.criteria, lang), ""]
    lines.append(
      MarkdownText.row([
        Words.text(.criterion, lang), Words.text(.area, lang), Words.status(.pass, lang),
        Words.status(.partial, lang), Words.status(.fail, lang), Words.status(.unknown, lang),
      ]))
    lines.append(MarkdownText.row(["---", "---", "---", "---:", "---:", "---:"]))
    for criterion in card.criteria {
      lines.append(
        MarkdownText.row([
          MarkdownText.escape(criterion.title[lang]) + " (" + MarkdownText.escape(criterion.id)
            + ")",
          MarkdownText.escape(index.areaTitle(criterion.area, lang)),
          Words.passCount(criterion.counts.pass, of: audited.count, lang),
          "\(criterion.counts.partial)", "\(criterion.counts.fail)", "\(criterion.counts.unknown)",
        ]))
    }
    return lines
  }

  private func site(_ result: SiteResult, _ index: ScorecardIndex, _ lang: Language) -> [String] {
    let card = index.card
    var lines = [
      "## " + MarkdownText.escape(result.site.name) + " — "
        + MarkdownText.link(result.site.url, result.site.url), "",
      "\(Words.text(.ruleset, lang)) \(MarkdownText.escape(card.ruleSetID)) "
        + "\(MarkdownText.escape(card.ruleSetVersion)) · \(Words.text(.asOf, lang)) \(card.asOf) · "
        + "\(result.pagesCrawled) \(Words.text(.pages, lang))",
      "",
    ]
    guard result.isAudited else { return lines + [notAuditedItem(result, lang)] }
    let total = result.total ?? 0
    var headline =
      "**\(Words.text(.total, lang)): \(format(total)) / 100** · \(badge(result.band ?? .red, lang))"
    if let previous = index.change(result)?.previousTotal {
      headline +=
        " · \(Words.text(.previous, lang)) \(format(previous)) (\(signed(total - previous)))"
    }
    lines += [headline, ""]
    lines += [
      MarkdownText.row([Words.text(.area, lang), Words.text(.score, lang)]),
      MarkdownText.row(["---", "---:"]),
    ]
    for area in result.areas {
      lines.append(
        MarkdownText.row([
          MarkdownText.escape(index.areaTitle(area.area, lang)), format(area.score),
        ]))
    }
    lines += ["", "### " + Words.text(.todo, lang), ""]
    let missing = result.findings.filter { $0.status == .fail || $0.status == .partial }
    if missing.isEmpty { lines.append(Words.text(.nothingToFix, lang)) }
    for finding in missing.sorted(by: { $0.weight > $1.weight }) {
      lines.append(
        "- [ ] **\(MarkdownText.escape(index.criterionTitle(finding.ruleID, lang)))** "
          + "(\(MarkdownText.escape(finding.ruleID))): \(MarkdownText.escape(index.advice(finding.ruleID, lang)))"
      )
    }
    lines += ["", "### " + Words.text(.criteria, lang), ""]
    lines.append(
      MarkdownText.row([
        Words.text(.status, lang), Words.text(.criterion, lang), Words.text(.evidence, lang),
        Words.text(.reason, lang),
      ]))
    lines.append(MarkdownText.row(["---", "---", "---", "---"]))
    for finding in result.findings {
      let evidence = finding.evidence.map { item in
        MarkdownText.link(item.snippet.isEmpty ? item.url : item.snippet, item.url)
          + " (\(MarkdownText.escape(item.kind)))"
      }
      lines.append(
        MarkdownText.row([
          Words.status(finding.status, lang),
          MarkdownText.escape(index.criterionTitle(finding.ruleID, lang)) + " ("
            + MarkdownText.escape(finding.ruleID) + ")",
          evidence.isEmpty ? "–" : evidence.joined(separator: "<br>"),
          MarkdownText.escape(finding.reason),
        ]))
    }
    return lines
  }

  private func changes(_ index: ScorecardIndex, _ lang: Language) -> [String] {
    guard let comparison = index.card.comparison else { return [] }
    var lines = ["", "### \(Words.text(.changes, lang)) \(comparison.previousAsOf)", ""]
    let changed = index.sitesWithChanges
    if changed.isEmpty, comparison.removedSites.isEmpty { lines.append("–") }
    for (site, change) in changed {
      var line = "- **\(MarkdownText.escape(site.site.name))**"
      if let movement = index.movement(site) {
        line += " \(movement.rankText(lang)) \(movement.totalText)"
      }
      if !change.gained.isEmpty {
        line +=
          " — ▲ \(Words.text(.gained, lang)): "
          + change.gained.map { MarkdownText.escape($0.summary) }.joined(separator: ", ")
      }
      if !change.lost.isEmpty {
        line +=
          " — ▼ \(Words.text(.lost, lang)): "
          + change.lost.map { MarkdownText.escape($0.summary) }.joined(separator: ", ")
      }
      lines.append(line)
    }
    for removed in comparison.removedSites {
      lines.append(
        "- **\(MarkdownText.escape(removed.name))** — ✕ "
          + MarkdownText.escape(removed.summary(lang)))
    }
    return lines
  }

  /// "- **Kadunud vald** (<https://kadunud.ee/>) — Not audited: the server refused the
  /// connection (connection refused)".
  private func notAuditedItem(_ result: SiteResult, _ lang: Language) -> String {
    let reason = NotAuditedReason(result.outcome).map { $0.line(lang) } ?? ""
    return
      "- **\(MarkdownText.escape(result.site.name))** (\(MarkdownText.link(result.site.url, result.site.url))) — "
      + MarkdownText.escape(reason)
  }

  private func badge(_ band: Band, _ lang: Language) -> String {
    let dot: String
    switch band {
    case .green: dot = "🟢"
    case .yellow: dot = "🟡"
    case .red: dot = "🔴"
    }
    return "\(dot) \(Words.band(band, lang))"
  }
}
