/// A score for one area (contact, council, …) of one site, 0–100.
public struct AreaScore: Sendable, Codable, Hashable {
  public var area: String
  public var score: Double

  public init(area: String, score: Double) {
    self.area = area
    self.score = score
  }
}

/// Everything the audit concluded about one site.
public struct SiteResult: Sendable, Codable, Hashable {
  public var site: Site
  public var outcome: CrawlOutcome
  public var pagesCrawled: Int
  /// Total 0–100 (weighted share of criteria met); 0 when unreachable.
  public var total: Double
  public var areas: [AreaScore]
  public var findings: [Finding]
  /// 1-based rank in the run; equal totals share a rank.
  public var rank: Int

  public init(
    site: Site, outcome: CrawlOutcome, pagesCrawled: Int, total: Double, areas: [AreaScore],
    findings: [Finding], rank: Int = 0
  ) {
    self.site = site
    self.outcome = outcome
    self.pagesCrawled = pagesCrawled
    self.total = total
    self.areas = areas
    self.findings = findings
    self.rank = rank
  }
}

/// The one result object of a run that every reporter renders (as Lighthouse's LHR).
public struct Scorecard: Sendable, Codable, Hashable {
  /// Version of this JSON shape.
  public var schemaVersion: Int
  public var ruleSetID: String
  public var ruleSetVersion: String
  /// The audit date freshness was judged against.
  public var asOf: Day
  /// Area ids in rule set order, with their titles.
  public var areas: [AreaInfo]
  /// The criteria judged, in rule set order, with the words reporters show.
  public var criteria: [CriterionInfo]
  /// Sites, best first.
  public var sites: [SiteResult]

  public init(
    schemaVersion: Int = 1, ruleSetID: String, ruleSetVersion: String, asOf: Day,
    areas: [AreaInfo], criteria: [CriterionInfo], sites: [SiteResult]
  ) {
    self.schemaVersion = schemaVersion
    self.ruleSetID = ruleSetID
    self.ruleSetVersion = ruleSetVersion
    self.asOf = asOf
    self.areas = areas
    self.criteria = criteria
    self.sites = sites
  }
}

/// An area of the rule set with its titles in each report language.
public struct AreaInfo: Sendable, Codable, Hashable {
  public var id: String
  public var title: LocalizedText

  public init(id: String, title: LocalizedText) {
    self.id = id
    self.title = title
  }
}

/// A criterion as reports describe it: what it is, why it matters, and how to fix its absence.
public struct CriterionInfo: Sendable, Codable, Hashable {
  public var id: String
  public var area: String
  public var weight: Double
  public var title: LocalizedText
  public var advice: LocalizedText
  public var basis: String

  public init(id: String, area: String, weight: Double, title: LocalizedText, advice: LocalizedText, basis: String) {
    self.id = id
    self.area = area
    self.weight = weight
    self.title = title
    self.advice = advice
    self.basis = basis
  }
}
