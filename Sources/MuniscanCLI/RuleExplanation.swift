import MuniscanAudit
import MuniscanCore
import MuniscanRules

/// The text of `muniscan rules explain ID`: what a rule looks for, why, and how to fix it.
enum RuleExplanation {
  /// The explanation of `rule` of a rule set written in `languages`, its titles and advice in
  /// each of them, English first (the explanation itself is English).
  static func text(_ rule: Rule, languages: [Language]) -> String {
    let languages =
      languages.filter { $0 == ReportLanguage.preferred }
      + languages.filter { $0 != ReportLanguage.preferred }
    var lines = [
      "\(rule.id) — " + languages.map { rule.title[$0] }.joined(separator: " / "),
      "area: \(rule.area) · weight: \(rule.weight.formatted()) · scope: \(scope(rule.scope))",
    ]
    if !rule.basis.isEmpty { lines.append("basis: \(rule.basis)") }
    if rule.standing {
      lines.append("standing pages only: news stories and news lists are no evidence")
    }
    lines.append("passes with:")
    lines += rule.match.lines(indent: "  ")
    if let partial = rule.partial {
      lines.append("partial with:")
      lines += partial.lines(indent: "  ")
    }
    switch rule.freshness {
    case .days(let days):
      lines.append("fresh: evidence dated within \(days) days of the audit date, else partial")
    case .years(let years):
      lines.append(
        "fresh: evidence naming the audit year\(years > 0 ? " or the \(years) before" : ""), else partial"
      )
    case .running:
      lines.append(
        "fresh: the last year the evidence names is the audit year or later (or it names none), else partial"
      )
    case nil: break
    }
    if !rule.liveHosts.isEmpty {
      lines.append(
        "live systems: an undated link into \(rule.liveHosts.joined(separator: ", ")) is current")
    }
    for language in languages {
      lines.append("how to fix (\(language)): \(rule.advice[language])")
    }
    lines.append("defined at \(rule.location)")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func scope(_ scope: RuleScope) -> String {
    switch scope {
    case .site: return "whole site"
    case .home: return "home page"
    case .depth(let depth): return "pages within \(depth) clicks of the home page"
    }
  }
}
