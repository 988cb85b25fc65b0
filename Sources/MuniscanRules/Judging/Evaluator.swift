import MuniscanCore

/// Judges crawled sites against a rule set: every rule gives a finding with evidence, findings
/// give area scores and a total. Pure: the same crawl, rules and audit date give the same result.
public struct Evaluator: Sendable {
  public let ruleSet: RuleSet
  let plan: EvaluationPlan
  /// Reads the dates evidence carries, as the rule set's locale says.
  let dates: TextDates
  /// Evidence items kept per finding.
  static let evidenceShown = 3
  /// Evidence items gathered before the strongest are chosen to be shown.
  static let evidenceWeighed = 24

  public init(ruleSet: RuleSet) {
    self.ruleSet = ruleSet
    plan = EvaluationPlan(ruleSet: ruleSet)
    dates = TextDates(ruleSet.locale.dates)
  }

  /// The result for one site as of the audit date; a site that was not crawled (unreachable,
  /// closed by robots.txt, incomplete in its archive) gets every finding `unknown` with the
  /// reason, never a verdict, and no total or area scores (`SiteResult` keeps none for it).
  public func evaluate(_ crawl: SiteCrawl, asOf: Day) -> SiteResult {
    if let why = crawl.outcome.reason {
      let reason: Reason
      if case .incomplete = crawl.outcome {
        reason = Reason(.notJudged, ["detail": why])
      } else {
        reason = Reason(.notCrawled, ["detail": why])
      }
      let findings = ruleSet.rules.map {
        Finding(
          ruleID: $0.id, area: $0.area, weight: $0.weight, status: .unknown, reason: reason,
          evidence: [])
      }
      return score(crawl, findings: findings)
    }
    let findings = judged(crawl) { site in
      ruleSet.rules.indices.map { finding(for: $0, site: site, asOf: asOf) }
    }
    return score(crawl, findings: findings)
  }

  /// What judging reads in every page's visible text, its phrases (``PagePreread``), read now
  /// as bytes for a crawl to keep beside the page's facts and hand back in
  /// ``SiteCrawl/prereads``: a live crawl reads each page as it arrives, when the processors
  /// wait on politeness, not all of a site's pages when its crawl ends. Empty for a page no
  /// rule reads (an error answer).
  public func preread(_ facts: PageFacts) -> [UInt8] {
    guard (200..<300).contains(facts.status) else { return [] }
    return plan.stemCaches.use { stems in
      defer { stems.handOver() }
      let stemming = plan.stemmings.stemming(forPageLanguage: facts.lang)
      return PagePreread(reading: facts.text, stems: stems.cache(for: stemming)).bytes
    }
  }

  /// The finding of rule `index` of the rule set on a crawled site, as of the audit date: how
  /// a rule's examples, one-page sites, are judged.
  public func finding(forRule index: Int, in crawl: SiteCrawl, asOf: Day) -> Finding {
    judged(crawl) { finding(for: index, site: $0, asOf: asOf) }
  }

  /// What `body` makes of the crawled site, its words read through stem caches taken from the
  /// plan's and handed on to the next site after.
  private func judged<Result>(_ crawl: SiteCrawl, _ body: (SiteContext) -> Result) -> Result {
    plan.stemCaches.use { stems in
      defer { stems.handOver() }
      return body(SiteContext(crawl, plan: plan, stems: stems))
    }
  }

  /// The finding of rule `index` of the rule set on `site`.
  func finding(for index: Int, site: SiteContext, asOf: Day) -> Finding {
    let rule = ruleSet.rules[index]
    let checks = plan.checks[index]
    let pages = site.pages.filter { page in
      guard (200..<300).contains(page.facts.status),
        !rule.standing || !site.newsItems[page.index]
      else { return false }
      switch rule.scope {
      case .site: return true
      case .home: return page.facts.depth == 0
      case .depth(let limit): return page.facts.depth <= limit
      }
    }
    let judge = PageJudge(site: site, asOf: asOf)
    let freshness = FreshnessJudge(site: site, asOf: asOf, dates: dates)
    let base = Finding(
      ruleID: rule.id, area: rule.area, weight: rule.weight, status: .fail,
      reason: Reason(.noEvidence, ["pages": String(pages.count)]), evidence: []
    )

    let found = matches(of: checks.match, in: pages, judge: judge, all: rule.freshness != nil)
    if !found.isEmpty {
      var result = base
      guard let window = rule.freshness else {
        result.status = .pass
        result.evidence = shown(found, site: site, freshness: freshness)
        result.reason = result.evidence.first.map(Reason.found) ?? result.reason
        return result
      }
      // Freshness looks at every match, so every match is dated.
      let dated = EvidenceRanking.distinct(freshness.datedEvidence(found[...])) { $0 }
      let verdict = freshness.judge(dated, pages: found.map(\.page), freshness: window)
      result.status = verdict.fresh ? .pass : .partial
      result.reason = verdict.reason
      // Newest evidence first; undated evidence last.
      var ordered = dated.sorted { ($0.date?.ordinal ?? 0) > ($1.date?.ordinal ?? 0) }
      if !verdict.fresh, let live = liveSystemLink(in: ordered, hosts: rule.liveHosts) {
        result.status = .pass
        result.reason = Reason(.liveSystem, ["host": live.host])
        ordered.insert(ordered.remove(at: live.index), at: 0)
      }
      result.evidence = Array(ordered.prefix(Self.evidenceShown))
      return result
    }
    if let partial = checks.partial {
      let weaker = matches(of: partial, in: pages, judge: judge, all: false)
      if !weaker.isEmpty {
        var result = base
        result.status = .partial
        result.evidence = shown(weaker, site: site, freshness: freshness)
        result.reason = result.evidence.first.map(Reason.weakerFound) ?? result.reason
        return result
      }
    }
    return base
  }

  /// The first undated link into one of `hosts` (or a subdomain), with its host: an official
  /// system that keeps the record as it happens is current by what it is.
  private func liveSystemLink(in evidence: [Evidence], hosts: [String]) -> (
    index: Int, host: String
  )? {
    guard !hosts.isEmpty else { return nil }
    for (index, item) in evidence.enumerated() where item.kind == "link" && item.date == nil {
      guard let target = item.target, let host = URLNormalizer.siteKey(target) else { continue }
      if let live = hosts.first(where: { URLNormalizer.host(host, isWithin: $0) }) {
        return (index, live)
      }
    }
    return nil
  }

  /// The evidence a finding shows: the strongest few, each dated only where the evidence
  /// itself gives a date.
  private func shown(
    _ found: [(evidence: Evidence, page: IndexedPage)], site: SiteContext,
    freshness: FreshnessJudge
  ) -> [Evidence] {
    EvidenceRanking.ranked(found, evidence: \.evidence, siteKey: site.siteKey)
      .prefix(Self.evidenceShown).map { freshness.ownDated($0.evidence) }
  }

  /// Evidence of `check` across `pages`, not yet dated; stops once enough is gathered to
  /// choose the strongest from, unless `all` (freshness needs every candidate to find the
  /// newest).
  private func matches(
    of check: Check, in pages: [IndexedPage], judge: PageJudge, all: Bool
  ) -> [(evidence: Evidence, page: IndexedPage)] {
    var found: [(evidence: Evidence, page: IndexedPage)] = []
    for page in pages {
      guard let evidence = judge.evaluate(check, on: page) else { continue }
      let items =
        evidence.isEmpty
        ? [Evidence(url: page.facts.url, kind: "page", snippet: page.facts.title)] : evidence
      found += items.map { ($0, page) }
      if !all, found.count >= Self.evidenceWeighed { break }
    }
    return found
  }

  private func score(_ crawl: SiteCrawl, findings: [Finding]) -> SiteResult {
    func share(_ subset: [Finding]) -> Double {
      let weight = subset.reduce(0) { $0 + $1.weight }
      guard weight > 0 else { return 0 }
      let earned = subset.reduce(0) { $0 + $1.weight * $1.status.credit }
      return (earned / weight * 1000).rounded() / 10
    }
    let areas = ruleSet.areas.compactMap { area -> AreaScore? in
      let subset = findings.filter { $0.area == area.id }
      return subset.isEmpty ? nil : AreaScore(area: area.id, score: share(subset))
    }
    return SiteResult(
      site: crawl.site, outcome: crawl.outcome,
      pagesCrawled: crawl.pages.filter { (200..<300).contains($0.status) }.count,
      total: share(findings), areas: areas, findings: findings, crawl: crawl.stats)
  }
}
