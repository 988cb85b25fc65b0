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
    let words = options.words
    let card = index.card
    let paint = Paint(enabled: options.color)
    var lines: [String] = []
    lines.append(paint.bold(printable("\(result.site.name) — \(result.site.url)")))
    lines.append(
      "\(words[.ruleset]) \(card.ruleSetID) \(card.ruleSetVersion) · "
        + "\(words[.asOf]) \(card.asOf) · \(result.pagesCrawled) \(words[.pages])"
    )
    if let reason = NotAuditedReason(result.outcome) {
      lines.append(paint.red(printable(reason.line(words))))
      if let change = index.change(result), change.previousStatus != nil {
        lines.append(
          "\(words[.previous]): "
            + previousStanding(rank: change.previousRank, total: change.previousTotal, words))
      }
      return lines
    }
    let total = result.total ?? 0
    let band = result.band ?? .red
    var headline =
      paint.bold("\(words[.total]): \(format(total)) / 100") + " · "
      + paint.band(words.band(band), band)
    if let previous = index.change(result)?.previousTotal {
      headline +=
        " · \(words[.previous]) \(format(previous)) (\(signed(total - previous)))"
    }
    lines.append(headline)
    lines.append("")
    let width = max(12, card.areas.map { $0.title[words.language].count }.max() ?? 0)
    for area in result.areas {
      lines.append(
        "  " + pad(index.areaTitle(area.area, words), width) + "  " + leftPad(format(area.score), 5)
      )
    }
    lines.append("")
    let idWidth = result.findings.map(\.ruleID.count).max() ?? 10
    for finding in result.findings {
      let label = pad(words.status(finding.status), 8)
      let title = index.criterionTitle(finding.ruleID, words)
      lines.append(
        "  " + paint.status(label, finding.status) + " " + pad(finding.ruleID, idWidth) + "  "
          + title)
      if let evidence = finding.evidence.first {
        lines.append(
          printable(
            "           \(evidence.url) — \(words.evidenceKind(evidence.kind)): \"\(evidence.snippet)\""
          ))
      }
      // An unknown finding's reason is the crawl failure, said once above.
      if finding.status == .partial || finding.status == .fail {
        lines.append("           " + paint.dim(printable(words.reason(finding.reason))))
      }
    }
    let missing = result.findings.filter { $0.status == .fail || $0.status == .partial }
    if !missing.isEmpty {
      lines.append("")
      lines.append(paint.bold(words[.todo] + ":"))
      for finding in missing.sorted(by: { $0.weight > $1.weight }) {
        lines.append("  - [\(finding.ruleID)] \(index.advice(finding.ruleID, words))")
      }
    }
    return lines
  }

  private func ranking(_ index: ScorecardIndex, _ options: ReportOptions) -> [String] {
    let words = options.words
    let card = index.card
    let paint = Paint(enabled: options.color)
    let nameWidth = max(12, card.sites.map { printable($0.site.name).count }.max() ?? 0)
    let bandWidth = Band.allCases.map { words.band($0).count }.max() ?? 6
    let compared = card.comparison != nil
    var lines: [String] = []
    lines.append(
      "\(words[.ruleset]) \(card.ruleSetID) \(card.ruleSetVersion) · \(words[.asOf]) \(card.asOf)"
    )
    let areaHeads = card.areas.map { String($0.id.prefix(7)) }
    var head =
      leftPad(words[.rank], 4) + "  " + pad(words[.site], nameWidth) + "  "
      + leftPad(words[.total], 6) + "  " + pad(words[.band], bandWidth) + "  "
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
        + paint.band(pad(words.band(band), bandWidth), band) + "  "
        + scores.joined(separator: " ")
      if let movement = index.movement(result) {
        line += "  " + leftPad(movement.rankText(words), 5) + "  " + leftPad(movement.totalText, 6)
      }
      lines.append(line)
    }
    let notAudited = index.notAudited
    if !notAudited.isEmpty {
      lines += ["", paint.bold("\(words[.notAuditedTitle]) (\(notAudited.count))")]
      for result in notAudited {
        let reason = NotAuditedReason(result.outcome).map { $0.line(words) } ?? ""
        lines.append(
          "      " + pad(printable(result.site.name), nameWidth) + "  "
            + paint.red(printable(reason))
        )
      }
    }
    lines.append("")
    lines.append(paint.bold(words[.criteria]))
    let idWidth = card.criteria.map(\.id.count).max() ?? 10
    let counts = card.criteria.map { words.passCount($0.counts.pass, of: audited.count) }
    let countWidth = counts.map(\.count).max() ?? 0
    for (criterion, count) in zip(card.criteria, counts) {
      lines.append(
        "  " + pad(criterion.id, idWidth) + "  " + pad(count, countWidth) + "  "
          + criterion.title[words.language])
    }
    return lines
  }

  /// Criteria each site gained or lost since the earlier run.
  private func changes(_ index: ScorecardIndex, _ options: ReportOptions) -> [String] {
    guard let comparison = index.card.comparison else { return [] }
    let words = options.words
    let paint = Paint(enabled: options.color)
    var lines = ["", paint.bold("\(words[.changes]) \(comparison.previousAsOf)")]
    for (site, change) in index.sitesWithChanges {
      lines.append("  " + printable(site.site.name))
      for gained in change.gained {
        lines.append("    " + paint.green("▲ \(words[.gained]): \(gained.summary)"))
      }
      for lost in change.lost {
        lines.append("    " + paint.red("▼ \(words[.lost]): \(lost.summary)"))
      }
    }
    for removed in comparison.removedSites {
      lines.append("  " + printable(removed.name))
      lines.append("    " + paint.red("✕ " + removed.summary(words)))
    }
    return lines
  }
}
