/// Everything the audit concluded about one site. A site that was not audited (unreachable,
/// closed by robots.txt, incomplete in its archive) has no total, band, rank or area scores:
/// its findings are `unknown` with the reason, and its `status` says why.
public struct SiteResult: Sendable, Hashable {
  public var site: Site
  /// Set to an outcome other than `crawled`, it takes the total, band, rank and area scores away.
  public var outcome: CrawlOutcome {
    didSet { if !isAudited { dropScore() } }
  }
  public var pagesCrawled: Int
  /// Total 0–100 (weighted share of criteria met); nil when the site was not audited.
  public var total: Double?
  /// Traffic-light band of the total; nil when the site was not audited.
  public var band: Band?
  public var areas: [AreaScore]
  public var findings: [Finding]
  /// 1-based rank among the audited sites of the run (equal totals share a rank); nil when the
  /// site was not audited or is not ranked yet.
  public var rank: Int?
  /// What the crawl of this site did.
  public var crawl: CrawlStats
  /// The site's totals in earlier stored runs that audited it, oldest first, not counting this
  /// run; nil when the run history was not asked for. The HTML report draws it with this run's
  /// total appended.
  public var trend: [TrendPoint]?

  /// A site that was not audited keeps no total, band, rank or area scores, whatever is given.
  public init(
    site: Site, outcome: CrawlOutcome, pagesCrawled: Int, total: Double?, band: Band? = nil,
    areas: [AreaScore], findings: [Finding], rank: Int? = nil, crawl: CrawlStats = .init(),
    trend: [TrendPoint]? = nil
  ) {
    self.site = site
    self.outcome = outcome
    self.pagesCrawled = pagesCrawled
    self.total = total
    self.band = band
    self.areas = areas
    self.findings = findings
    self.rank = rank
    self.crawl = crawl
    self.trend = trend
    if !isAudited { dropScore() }
  }

  private mutating func dropScore() {
    total = nil
    band = nil
    rank = nil
    areas = []
  }

  public var status: SiteStatus { SiteStatus(outcome) }

  /// The site was crawled and judged: it has a total and takes part in ranks and counts.
  public var isAudited: Bool { outcome.isReachable }
}

/// The JSON shape of schema version 2: `status` is written beside `outcome`, and `total`,
/// `band` and `rank` are left out for a site that was not audited. Version 1 documents (every
/// site with a total, 0 for one not audited) read as version 2: `status` follows from
/// `outcome`, and a site that was not audited loses the 0 it was given.
extension SiteResult: Codable {
  enum CodingKeys: String, CodingKey {
    case site, outcome, status, pagesCrawled, total, band, areas, findings, rank, crawl, trend
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      site: try container.decode(Site.self, forKey: .site),
      outcome: try container.decode(CrawlOutcome.self, forKey: .outcome),
      pagesCrawled: try container.decode(Int.self, forKey: .pagesCrawled),
      total: try container.decodeIfPresent(Double.self, forKey: .total),
      band: try container.decodeIfPresent(Band.self, forKey: .band),
      areas: try container.decode([AreaScore].self, forKey: .areas),
      findings: try container.decode([Finding].self, forKey: .findings),
      rank: try container.decodeIfPresent(Int.self, forKey: .rank),
      crawl: try container.decode(CrawlStats.self, forKey: .crawl),
      trend: try container.decodeIfPresent([TrendPoint].self, forKey: .trend))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(site, forKey: .site)
    try container.encode(outcome, forKey: .outcome)
    try container.encode(status, forKey: .status)
    try container.encode(pagesCrawled, forKey: .pagesCrawled)
    try container.encodeIfPresent(total, forKey: .total)
    try container.encodeIfPresent(band, forKey: .band)
    try container.encode(areas, forKey: .areas)
    try container.encode(findings, forKey: .findings)
    try container.encodeIfPresent(rank, forKey: .rank)
    try container.encode(crawl, forKey: .crawl)
    try container.encodeIfPresent(trend, forKey: .trend)
  }
}
