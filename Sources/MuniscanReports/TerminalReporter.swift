import MuniscanCore

/// A report for people at a terminal: for one site every criterion with its evidence and a
/// to-do list of what is missing; for many sites the ranking.
public struct TerminalReporter: Reporter {
  public let name = "terminal"

  public init() {}

  public func render(_ scorecard: Scorecard, options: ReportOptions) throws -> String {
    scorecard.sites.count == 1
      ? site(scorecard.sites[0], scorecard, options) : ranking(scorecard, options)
  }

  private func site(_ result: SiteResult, _ card: Scorecard, _ options: ReportOptions) -> String {
    let lang = options.language
    let paint = Paint(enabled: options.color)
    var lines: [String] = []
    lines.append(paint.bold("\(result.site.name) — \(result.site.url)"))
    lines.append(
      "\(Words.text("ruleset", lang)) \(card.ruleSetID) \(card.ruleSetVersion) · "
        + "\(Words.text("asOf", lang)) \(card.asOf) · \(result.pagesCrawled) \(Words.text("pages", lang))")
    if case .unreachable(let reason) = result.outcome {
      lines.append(paint.red("\(Words.text("unreachable", lang)): \(reason)"))
    }
    lines.append(paint.bold("\(Words.text("total", lang)): \(format(result.total)) / 100"))
    lines.append("")
    let titles = Dictionary(uniqueKeysWithValues: card.areas.map { ($0.id, $0.title[lang]) })
    let width = max(12, titles.values.map(\.count).max() ?? 0)
    for area in result.areas {
      lines.append("  " + pad(titles[area.area] ?? area.area, width) + "  " + leftPad(format(area.score), 5))
    }
    lines.append("")
    let criteria = Dictionary(uniqueKeysWithValues: card.criteria.map { ($0.id, $0) })
    let idWidth = result.findings.map(\.ruleID.count).max() ?? 10
    for finding in result.findings {
      let label = pad(Words.status(finding.status, lang), 8)
      let title = criteria[finding.ruleID]?.title[lang] ?? ""
      lines.append("  " + paint.status(label, finding.status) + " " + pad(finding.ruleID, idWidth) + "  " + title)
      if let evidence = finding.evidence.first {
        lines.append("           \(evidence.url) — \(evidence.kind): \"\(evidence.snippet)\"")
      }
      // An unknown finding's reason is the crawl failure, said once above.
      if finding.status == .partial || finding.status == .fail, !finding.reason.isEmpty {
        lines.append("           " + paint.dim(finding.reason))
      }
    }
    let missing = result.findings.filter { $0.status == .fail || $0.status == .partial }
    if !missing.isEmpty, result.outcome.isReachable {
      lines.append("")
      lines.append(paint.bold(Words.text("todo", lang) + ":"))
      for finding in missing.sorted(by: { $0.weight > $1.weight }) {
        let advice = criteria[finding.ruleID]?.advice[lang] ?? ""
        lines.append("  - [\(finding.ruleID)] \(advice)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func ranking(_ card: Scorecard, _ options: ReportOptions) -> String {
    let lang = options.language
    let paint = Paint(enabled: options.color)
    let nameWidth = max(12, card.sites.map(\.site.name.count).max() ?? 0)
    var lines: [String] = []
    lines.append(
      "\(Words.text("ruleset", lang)) \(card.ruleSetID) \(card.ruleSetVersion) · \(Words.text("asOf", lang)) \(card.asOf)")
    let areaHeads = card.areas.map { String($0.id.prefix(7)) }
    lines.append(
      paint.bold(
        leftPad(Words.text("rank", lang), 4) + "  " + pad(Words.text("site", lang), nameWidth) + "  "
          + leftPad(Words.text("total", lang), 6) + "  " + areaHeads.map { leftPad($0, 7) }.joined(separator: " ")))
    for result in card.sites {
      let scores = card.areas.map { area in
        leftPad(result.areas.first { $0.area == area.id }.map { format($0.score) } ?? "-", 7)
      }
      var line = leftPad("\(result.rank)", 4) + "  " + pad(result.site.name, nameWidth) + "  "
        + leftPad(format(result.total), 6) + "  " + scores.joined(separator: " ")
      if case .unreachable(let reason) = result.outcome {
        line += "  " + paint.red("\(Words.text("unreachable", lang)): \(reason)")
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// Number formatting shared by text reporters: one decimal, always.
func format(_ value: Double) -> String {
  let tenths = Int((value * 10).rounded())
  return "\(tenths / 10).\(abs(tenths % 10))"
}

func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func leftPad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// ANSI colours, or nothing when the output is not a terminal.
struct Paint {
  let enabled: Bool

  func bold(_ text: String) -> String { wrap(text, "1") }
  func red(_ text: String) -> String { wrap(text, "31") }
  func dim(_ text: String) -> String { wrap(text, "2") }

  func status(_ text: String, _ status: FindingStatus) -> String {
    switch status {
    case .pass: return wrap(text, "32")
    case .partial: return wrap(text, "33")
    case .fail: return wrap(text, "31")
    case .unknown: return wrap(text, "2")
    }
  }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
