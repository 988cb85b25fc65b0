import MuniscanCore

/// A report for people at a terminal: for one site every criterion with its evidence and a
/// to-do list of what is missing; for many sites the ranking, the sites not audited apart with
/// the reason, how many of the audited sites pass each criterion, and what changed since the
/// earlier run.
public struct TerminalReporter: Reporter {
  public let name = "terminal"
  public let fileName = "scorecard.txt"

  public init() {}

  public func render(_ scorecard: Scorecard, options: ReportOptions) throws -> String {
    let index = ScorecardIndex(scorecard)
    let lines =
      scorecard.sites.count == 1
      ? site(scorecard.sites[0], index, options) : ranking(index, options)
    return (lines + changes(index, options)).joined(separator: "\n") + "\n"
  }

  private func site(_ result: SiteResult, _ index: ScorecardIndex, _ options: ReportOptions)
    -> [String]
  {
    let lang = options.language
    let card = index.card
    let paint = Paint(enabled: options.color)
    var lines: [String] = []
    lines.append(paint.bold(printable("\(result.site.name) — \(result.site.url)")))
    lines.append(
      "\(Words.text(.ruleset, lang)) \(card.ruleSetID) \(card.ruleSetVersion) · "
        + "\(Words.text(.asOf, lang)) \(card.asOf) · \(result.pagesCrawled) \(Words.text(.pages, lang))"
    )
    if let reason = NotAuditedReason(result.outcome) {
      lines.append(paint.red(printable(reason.line(lang))))
      if let change = index.change(result), change.previousStatus != nil {
        lines.append(
          "\(Words.text(.previous, lang)): "
            + previousStanding(rank: change.previousRank, total: change.previousTotal, lang))
      }
      return lines
    }
    let total = result.total ?? 0
    let band = result.band ?? .red
    var headline =
      paint.bold("\(Words.text(.total, lang)): \(format(total)) / 100") + " · "
      + paint.band(Words.band(band, lang), band)
    if let previous = index.change(result)?.previousTotal {
      headline +=
        " · \(Words.text(.previous, lang)) \(format(previous)) (\(signed(total - previous)))"
    }
    lines.append(headline)
    lines.append("")
    let width = max(12, card.areas.map { $0.title[lang].count }.max() ?? 0)
    for area in result.areas {
      lines.append(
        "  " + pad(index.areaTitle(area.area, lang), width) + "  " + leftPad(format(area.score), 5))
    }
    lines.append("")
    let idWidth = result.findings.map(\.ruleID.count).max() ?? 10
    for finding in result.findings {
      let label = pad(Words.status(finding.status, lang), 8)
      let title = index.criterionTitle(finding.ruleID, lang)
      lines.append(
        "  " + paint.status(label, finding.status) + " " + pad(finding.ruleID, idWidth) + "  "
          + title)
      if let evidence = finding.evidence.first {
        lines.append(
          printable("           \(evidence.url) — \(evidence.kind): \"\(evidence.snippet)\""))
      }
      // An unknown finding's reason is the crawl failure, said once above.
      if finding.status == .partial || finding.status == .fail, !finding.reason.isEmpty {
        lines.append("           " + paint.dim(printable(finding.reason)))
      }
    }
    let missing = result.findings.filter { $0.status == .fail || $0.status == .partial }
    if !missing.isEmpty {
      lines.append("")
      lines.append(paint.bold(Words.text(.todo, lang) + ":"))
      for finding in missing.sorted(by: { $0.weight > $1.weight }) {
        lines.append("  - [\(finding.ruleID)] \(index.advice(finding.ruleID, lang))")
      }
    }
    return lines
  }

  private func ranking(_ index: ScorecardIndex, _ options: ReportOptions) -> [String] {
    let lang = options.language
    let card = index.card
    let paint = Paint(enabled: options.color)
    let nameWidth = max(12, card.sites.map { printable($0.site.name).count }.max() ?? 0)
    let bandWidth = Band.allCases.map { Words.band($0, lang).count }.max() ?? 6
    let compared = card.comparison != nil
    var lines: [String] = []
    lines.append(
      "\(Words.text(.ruleset, lang)) \(card.ruleSetID) \(card.ruleSetVersion) · \(Words.text(.asOf, lang)) \(card.asOf)"
    )
    let areaHeads = card.areas.map { String($0.id.prefix(7)) }
    var head =
      leftPad(Words.text(.rank, lang), 4) + "  " + pad(Words.text(.site, lang), nameWidth) + "  "
      + leftPad(Words.text(.total, lang), 6) + "  " + pad(Words.text(.band, lang), bandWidth) + "  "
      + areaHeads.map { leftPad($0, 7) }.joined(separator: " ")
    if compared { head += "  " + leftPad("±", 5) + "  " + leftPad("Δ", 6) }
    lines.append(paint.bold(head))
    let audited = index.audited
    for result in audited {
      let band = result.band ?? .red
      let scores = card.areas.map { area in
        leftPad(index.areaScore(result, area.id).map(format) ?? "-", 7)
      }
      var line =
        leftPad(result.rank.map(String.init) ?? "", 4) + "  "
        + pad(printable(result.site.name), nameWidth) + "  "
        + leftPad(format(result.total ?? 0), 6) + "  "
        + paint.band(pad(Words.band(band, lang), bandWidth), band) + "  "
        + scores.joined(separator: " ")
      if let movement = index.movement(result) {
        line += "  " + leftPad(movement.rankText(lang), 5) + "  " + leftPad(movement.totalText, 6)
      }
      lines.append(line)
    }
    let notAudited = index.notAudited
    if !notAudited.isEmpty {
      lines += ["", paint.bold("\(Words.text(.notAuditedTitle, lang)) (\(notAudited.count))")]
      for result in notAudited {
        let reason = NotAuditedReason(result.outcome).map { $0.line(lang) } ?? ""
        lines.append(
          "      " + pad(printable(result.site.name), nameWidth) + "  "
            + paint.red(printable(reason))
        )
      }
    }
    lines.append("")
    lines.append(paint.bold(Words.text(.criteria, lang)))
    let idWidth = card.criteria.map(\.id.count).max() ?? 10
    let counts = card.criteria.map { Words.passCount($0.counts.pass, of: audited.count, lang) }
    let countWidth = counts.map(\.count).max() ?? 0
    for (criterion, count) in zip(card.criteria, counts) {
      lines.append(
        "  " + pad(criterion.id, idWidth) + "  " + pad(count, countWidth) + "  "
          + criterion.title[lang])
    }
    return lines
  }

  /// Criteria each site gained or lost since the earlier run.
  private func changes(_ index: ScorecardIndex, _ options: ReportOptions) -> [String] {
    guard let comparison = index.card.comparison else { return [] }
    let lang = options.language
    let paint = Paint(enabled: options.color)
    var lines = ["", paint.bold("\(Words.text(.changes, lang)) \(comparison.previousAsOf)")]
    for (site, change) in index.sitesWithChanges {
      lines.append("  " + printable(site.site.name))
      for gained in change.gained {
        lines.append("    " + paint.green("▲ \(Words.text(.gained, lang)): \(gained.summary)"))
      }
      for lost in change.lost {
        lines.append("    " + paint.red("▼ \(Words.text(.lost, lang)): \(lost.summary)"))
      }
    }
    for removed in comparison.removedSites {
      lines.append("  " + printable(removed.name))
      lines.append("    " + paint.red("✕ " + removed.summary(lang)))
    }
    return lines
  }
}
