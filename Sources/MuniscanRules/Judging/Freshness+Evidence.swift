import MuniscanCore

/// Reads the dates and years evidence carries and decides whether it is fresh.
struct FreshnessJudge {
  let site: SiteContext
  let asOf: Day
  /// The rule set's date reader, compiled once per evaluator.
  let dates: TextDates
  /// How far past the audit date a date written in the evidence itself may lie and still count
  /// (an upcoming session's agenda). Dates borrowed from a page count only up to the audit date:
  /// a page announcing the next session is not evidence that its agenda is out.
  static let futureAllowance = 90

  /// Evidence with its newest usable date filled in.
  func dated(_ evidence: Evidence, on page: IndexedPage) -> Evidence {
    var result = evidence
    let own = dates.days(in: evidence.snippet + " " + (evidence.target ?? ""))
    if let date = own.filter({ asOf.days(until: $0) <= Self.futureAllowance }).max() {
      result.date = date
    } else {
      result.date = borrowedDays(of: evidence, on: page).filter { $0 <= asOf }.max()
    }
    return result
  }

  /// Evidence dated only by what it says itself (its words, its target's name): what a finding
  /// that is not about freshness shows, so no date appears that the evidence does not give.
  func ownDated(_ evidence: Evidence) -> Evidence {
    var result = evidence
    let own = dates.days(in: evidence.snippet + " " + (evidence.target ?? ""))
    result.date = own.filter { asOf.days(until: $0) <= Self.futureAllowance }.max()
    return result
  }

  /// The evidence of `matches` with their dates filled in.
  func datedEvidence(_ matches: ArraySlice<(evidence: Evidence, page: IndexedPage)>) -> [Evidence] {
    matches.map { dated($0.evidence, on: $0.page) }
  }

  /// Whether any evidence meets the freshness requirement, and a reason either way.
  func judge(_ evidence: [Evidence], pages: [IndexedPage], freshness: Freshness) -> (
    fresh: Bool, reason: Reason
  ) {
    switch freshness {
    case .days(let window):
      let newest = evidence.compactMap(\.date).max()
      guard let newest else { return (false, Reason(.undated)) }
      let age = newest.days(until: asOf)
      if age <= window {
        return (true, Reason(.freshDate, ["date": "\(newest)", "window": "\(window)"]))
      }
      return (
        false, Reason(.staleDate, ["date": "\(newest)", "age": "\(age)", "window": "\(window)"])
      )
    case .running:
      var ended: [Int] = []
      for (item, page) in zip(evidence, pages) {
        guard let last = years(of: item, on: page).max() else { return (true, Reason.found(item)) }
        if last >= asOf.year { return (true, Reason(.yearNamed, ["year": "\(last)"])) }
        ended.append(last)
      }
      return (false, Reason(.periodEnded, ["year": "\(ended.max() ?? asOf.year - 1)"]))
    case .years(let back):
      let accepted = (asOf.year - back)...asOf.year
      var seen: [Int] = []
      for (item, page) in zip(evidence, pages) {
        let years = self.years(of: item, on: page)
        if years.contains(where: accepted.contains) {
          return (true, Reason(.yearNamed, ["year": "\(years.filter(accepted.contains).max()!)"]))
        }
        seen += years
      }
      guard let latest = seen.max() else { return (false, Reason(.noYear)) }
      return (
        false,
        Reason(
          .oldYear,
          ["year": "\(latest)", "from": "\(accepted.lowerBound)", "to": "\(accepted.upperBound)"])
      )
    }
  }

  /// Dates of the page the evidence stands for: a link's crawled target, else its own page.
  private func borrowedDays(of evidence: Evidence, on page: IndexedPage) -> [Day] {
    switch evidence.kind {
    case "link", "document":
      return evidence.target.flatMap { site.page(at: $0) }?.days ?? []
    default:
      return page.days
    }
  }

  private func years(of evidence: Evidence, on page: IndexedPage) -> [Int] {
    var text = evidence.snippet + " " + (evidence.target.map(IndexedPage.fileName) ?? "")
    if evidence.kind == "link", let target = evidence.target.flatMap({ site.page(at: $0) }) {
      text +=
        " " + target.facts.title + " " + target.facts.headings.map(\.text).joined(separator: " ")
    }
    return TextDates.years(in: text)
  }
}
