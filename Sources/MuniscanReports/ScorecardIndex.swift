import MuniscanCore

/// The look-ups every reporter makes in one scorecard (criterion and area by id, a site's
/// finding for a criterion, its change since the earlier run), built once per report.
struct ScorecardIndex {
  let card: Scorecard
  private let criteriaByID: [String: CriterionInfo]
  private let areaTitles: [String: LocalizedText]
  private let changes: [String: SiteChange]

  init(_ card: Scorecard) {
    self.card = card
    criteriaByID = Dictionary(
      card.criteria.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    areaTitles = Dictionary(
      card.areas.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    changes = Dictionary(
      (card.comparison?.sites ?? []).map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
  }

  func criterion(_ id: String) -> CriterionInfo? { criteriaByID[id] }

  func criterionTitle(_ id: String, _ words: ReportWords) -> String {
    criteriaByID[id]?.title[words.language] ?? id
  }

  func advice(_ id: String, _ words: ReportWords) -> String {
    criteriaByID[id]?.advice[words.language] ?? ""
  }

  func areaTitle(_ id: String, _ words: ReportWords) -> String {
    areaTitles[id]?[words.language] ?? id
  }

  func finding(_ site: SiteResult, _ criterionID: String) -> Finding? {
    site.findings.first { $0.ruleID == criterionID }
  }

  func areaScore(_ site: SiteResult, _ areaID: String) -> Double? {
    site.areas.first { $0.area == areaID }?.score
  }

  /// The site's change since the earlier run; nil when no comparison was asked for.
  func change(_ site: SiteResult) -> SiteChange? { changes[site.site.url] }

  /// How the site moved since the earlier run; nil when no comparison was asked for or the
  /// site was not audited in this run (it has no rank or total to move to).
  func movement(_ site: SiteResult) -> Movement? {
    guard card.comparison != nil, let rank = site.rank, let total = site.total else { return nil }
    guard let change = changes[site.site.url] else { return Movement() }
    guard let previousRank = change.previousRank, let previousTotal = change.previousTotal else {
      return Movement(afterGap: change.previousStatus.map { $0 != .audited } ?? false)
    }
    return Movement(rankDelta: previousRank - rank, totalDelta: total - previousTotal)
  }

  /// The audited sites, best first.
  var audited: [SiteResult] { card.sites.filter(\.isAudited) }

  /// The sites that were not audited, listed apart from the ranking.
  var notAudited: [SiteResult] { card.sites.filter { !$0.isAudited } }

  /// Audited sites per band, in band order.
  var bandCounts: [(band: Band, count: Int)] {
    Band.allCases.map { band in (band, card.sites.filter { $0.band == band }.count) }
  }

  /// Sites whose criteria changed status since the earlier run, in rank order.
  var sitesWithChanges: [(site: SiteResult, change: SiteChange)] {
    card.sites.compactMap { site in
      guard let change = change(site), !change.gained.isEmpty || !change.lost.isEmpty else {
        return nil
      }
      return (site, change)
    }
  }
}

/// A site's move since the earlier run. Both deltas are nil for a site new in this run, and
/// for one the earlier run did not audit (`afterGap`).
struct Movement {
  /// Places gained (positive) or lost (negative).
  var rankDelta: Int?
  var totalDelta: Double?
  /// The earlier run did not audit the site: there is no move to show.
  var afterGap = false

  /// "▲2", "▼1", "=", "–" after a run that did not audit the site, or the word for new.
  func rankText(_ words: ReportWords) -> String {
    guard let rankDelta else { return afterGap ? "–" : words[.new] }
    return rankDelta > 0 ? "▲\(rankDelta)" : rankDelta < 0 ? "▼\(-rankDelta)" : "="
  }

  /// "+5.0", "-2.5", "±0.0", or empty for a new site.
  var totalText: String { totalDelta.map(signed) ?? "" }
}

extension StatusChange {
  /// "council.minutes (fail → pass)".
  var summary: String { "\(ruleID) (\(from.rawValue) → \(to.rawValue))" }
}

extension RemovedSite {
  /// "no longer in the run (previous: rank 3, 50.0)", or "(previous: not audited)".
  func summary(_ words: ReportWords) -> String {
    "\(words[.removed]) (\(words[.previous]): "
      + "\(previousStanding(rank: previousRank, total: previousTotal, words)))"
  }
}

/// "rank 3, 50.0" of a site in an earlier run, or "not audited" when that run did not audit it.
func previousStanding(rank: Int?, total: Double?, _ words: ReportWords) -> String {
  guard let rank, let total else { return words[.notAudited] }
  return "\(words[.rank].lowercased()) \(rank), \(format(total))"
}
