/// A score for one area (contact, council, …) of one site, 0–100.
public struct AreaScore: Sendable, Codable, Hashable {
  public var area: String
  public var score: Double

  public init(area: String, score: Double) {
    self.area = area
    self.score = score
  }
}

/// A site's total in one earlier run, for the trend the HTML report draws per site.
public struct TrendPoint: Sendable, Codable, Hashable {
  public var runID: String
  public var asOf: Day
  public var total: Double
  public var rank: Int

  public init(runID: String, asOf: Day, total: Double, rank: Int) {
    self.runID = runID
    self.asOf = asOf
    self.total = total
    self.rank = rank
  }
}

/// Traffic-light band of a total, as the Data Protection Inspectorate's monitoring used.
public enum Band: String, Sendable, Codable, Hashable, CaseIterable {
  case green, yellow, red
}

/// Where the bands start; configurable per run.
public struct BandThresholds: Sendable, Codable, Hashable {
  /// Lowest total that is green.
  public var green: Double
  /// Lowest total that is yellow; below it is red.
  public var yellow: Double

  public init(green: Double = 80, yellow: Double = 50) {
    self.green = green
    self.yellow = yellow
  }

  public func band(for total: Double) -> Band {
    total >= green ? .green : total >= yellow ? .yellow : .red
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
  /// Audited sites best first, then the sites that were not audited, by name.
  public var sites: [SiteResult]
  public var bands: BandThresholds
  /// The run's id in the history store, when it was stored.
  public var runID: String?
  /// Changes since an earlier run, when asked for.
  public var comparison: Comparison?

  public init(
    schemaVersion: Int = Scorecard.currentSchemaVersion, ruleSetID: String, ruleSetVersion: String,
    asOf: Day, areas: [AreaInfo], criteria: [CriterionInfo], sites: [SiteResult],
    bands: BandThresholds = .init(), runID: String? = nil, comparison: Comparison? = nil
  ) {
    self.schemaVersion = schemaVersion
    self.ruleSetID = ruleSetID
    self.ruleSetVersion = ruleSetVersion
    self.asOf = asOf
    self.areas = areas
    self.criteria = criteria
    self.sites = sites
    self.bands = bands
    self.runID = runID
    self.comparison = comparison
  }

  /// The JSON shape described by `docs/scorecard.schema.json`.
  public static let currentSchemaVersion = 2
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
  /// How many sites of the run got each status ("43 of 79 publish council minutes").
  public var counts: StatusCounts

  public init(
    id: String, area: String, weight: Double, title: LocalizedText, advice: LocalizedText,
    basis: String, counts: StatusCounts = .init()
  ) {
    self.id = id
    self.area = area
    self.weight = weight
    self.title = title
    self.advice = advice
    self.basis = basis
    self.counts = counts
  }
}

/// Sites per status for one criterion.
public struct StatusCounts: Sendable, Codable, Hashable {
  public var pass: Int
  public var partial: Int
  public var fail: Int
  public var unknown: Int

  public init(pass: Int = 0, partial: Int = 0, fail: Int = 0, unknown: Int = 0) {
    self.pass = pass
    self.partial = partial
    self.fail = fail
    self.unknown = unknown
  }

  public mutating func add(_ status: FindingStatus) {
    switch status {
    case .pass: pass += 1
    case .partial: partial += 1
    case .fail: fail += 1
    case .unknown: unknown += 1
    }
  }

  public var total: Int { pass + partial + fail + unknown }
}

/// What a crawl of one site did, for reports and for researchers judging coverage.
public struct CrawlStats: Sendable, Codable, Hashable {
  /// Requests made (pages, redirects, robots.txt, sitemaps).
  public var requests: Int
  /// Pages that failed or answered 4xx/5xx.
  public var errors: Int
  /// URLs skipped because robots.txt disallows them.
  public var robotsExcluded: Int
  /// Body bytes received (decoded).
  public var bytes: Int

  public init(requests: Int = 0, errors: Int = 0, robotsExcluded: Int = 0, bytes: Int = 0) {
    self.requests = requests
    self.errors = errors
    self.robotsExcluded = robotsExcluded
    self.bytes = bytes
  }
}

/// Changes since an earlier run: ranks, totals and the criteria each site gained or lost.
public struct Comparison: Sendable, Codable, Hashable {
  public var previousRunID: String
  public var previousAsOf: Day
  /// One entry per site of this run, in this run's order.
  public var sites: [SiteChange]
  /// Sites of the earlier run that this run no longer has, in the earlier run's order.
  public var removedSites: [RemovedSite]

  public init(
    previousRunID: String, previousAsOf: Day, sites: [SiteChange], removedSites: [RemovedSite] = []
  ) {
    self.previousRunID = previousRunID
    self.previousAsOf = previousAsOf
    self.sites = sites
    self.removedSites = removedSites
  }
}

/// A site the earlier run had and this run has not (dropped from the sites file); its rank and
/// total are nil when the earlier run did not audit it.
public struct RemovedSite: Sendable, Codable, Hashable {
  public var name: String
  public var url: String
  public var previousRank: Int?
  public var previousTotal: Double?
  public var previousStatus: SiteStatus

  public init(
    name: String, url: String, previousRank: Int?, previousTotal: Double?,
    previousStatus: SiteStatus = .audited
  ) {
    self.name = name
    self.url = url
    self.previousRank = previousRank
    self.previousTotal = previousTotal
    self.previousStatus = previousStatus
  }
}

/// How one site moved since the earlier run. `previousStatus` is nil for a site new in this
/// run; `previousRank` and `previousTotal` are nil for a new site and for one the earlier run
/// did not audit (a gap in its history, never a drop to 0).
public struct SiteChange: Sendable, Codable, Hashable {
  public var url: String
  public var previousRank: Int?
  public var previousTotal: Double?
  public var previousStatus: SiteStatus?
  /// Criteria that improved (e.g. fail → pass), with old and new status.
  public var gained: [StatusChange]
  /// Criteria that got worse.
  public var lost: [StatusChange]

  /// Without `previousStatus`, a site with an earlier total was audited then, one without is new.
  public init(
    url: String, previousRank: Int?, previousTotal: Double?, previousStatus: SiteStatus? = nil,
    gained: [StatusChange], lost: [StatusChange]
  ) {
    self.url = url
    self.previousRank = previousRank
    self.previousTotal = previousTotal
    self.previousStatus = previousStatus ?? (previousTotal == nil ? nil : .audited)
    self.gained = gained
    self.lost = lost
  }
}

/// One criterion's status then and now.
public struct StatusChange: Sendable, Codable, Hashable {
  public var ruleID: String
  public var from: FindingStatus
  public var to: FindingStatus

  public init(ruleID: String, from: FindingStatus, to: FindingStatus) {
    self.ruleID = ruleID
    self.from = from
    self.to = to
  }
}
