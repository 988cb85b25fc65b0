import MuniscanCore
import MuniscanRules
import Testing

@Suite struct ComparisonBuilderTests {
  /// A site result with findings r1, r2, … of the given statuses.
  func site(
    _ name: String, _ url: String, total: Double, rank: Int, _ statuses: [FindingStatus] = []
  ) -> SiteResult {
    SiteResult(
      site: Site(name: name, url: url), outcome: .crawled, pagesCrawled: 1, total: total,
      areas: [],
      findings: statuses.enumerated().map { index, status in
        Finding(
          ruleID: "r\(index + 1)", area: "a", weight: 1, status: status,
          reason: Reason(.noEvidence, ["pages": "1"]),
          evidence: [])
      },
      rank: rank)
  }

  func card(_ asOf: String, runID: String? = nil, _ sites: [SiteResult]) -> Scorecard {
    Scorecard(
      ruleSetID: "ee", ruleSetVersion: "1", asOf: Day(iso: asOf)!, areas: [], criteria: [],
      sites: sites, runID: runID)
  }

  @Test func criteriaGainedAndLostFollowPassOverPartialOverFail() {
    let before = card(
      "2026-10-20", runID: "2026-10-20",
      [
        site(
          "Elva", "https://elva.ee/", total: 50, rank: 1, [.fail, .partial, .pass, .pass, .fail])
      ])
    let after = card(
      "2026-11-20",
      [
        site(
          "Elva", "https://elva.ee/", total: 60, rank: 2, [.pass, .pass, .partial, .pass, .fail])
      ])
    let comparison = ComparisonBuilder.compare(after, with: before)
    #expect(comparison.previousRunID == "2026-10-20")
    #expect(comparison.previousAsOf == Day(iso: "2026-10-20"))
    let change = comparison.sites[0]
    #expect(change.url == "https://elva.ee/")
    #expect(change.previousRank == 1)
    #expect(change.previousTotal == 50)
    #expect(
      change.gained == [
        StatusChange(ruleID: "r1", from: .fail, to: .pass),
        StatusChange(ruleID: "r2", from: .partial, to: .pass),
      ])
    #expect(change.lost == [StatusChange(ruleID: "r3", from: .pass, to: .partial)])
  }

  @Test func changesToOrFromUnknownAreNotCriteriaChanges() {
    let before = card(
      "2026-10-20",
      [site("Elva", "https://elva.ee/", total: 50, rank: 1, [.pass, .unknown, .fail])])
    let after = card(
      "2026-11-20",
      [site("Elva", "https://elva.ee/", total: 0, rank: 1, [.unknown, .pass, .partial])])
    let change = ComparisonBuilder.compare(after, with: before).sites[0]
    #expect(change.gained == [StatusChange(ruleID: "r3", from: .fail, to: .partial)])
    #expect(change.lost.isEmpty)
    #expect(change.previousTotal == 50)
  }

  @Test func criteriaOnlyOneRunJudgedAreLeftOut() {
    let before = card("2026-10-20", [site("Elva", "https://elva.ee/", total: 50, rank: 1, [.pass])])
    let after = card(
      "2026-11-20", [site("Elva", "https://elva.ee/", total: 50, rank: 1, [.pass, .fail])])
    let change = ComparisonBuilder.compare(after, with: before).sites[0]
    #expect(change.gained.isEmpty && change.lost.isEmpty)
  }

  @Test func sitesAreMatchedByHostWhateverTheSchemePortOrWWW() {
    let before = card(
      "2026-10-20", [site("Elva vald", "http://www.elva.ee:8080/", total: 40, rank: 3, [.fail])])
    let after = card("2026-11-20", [site("Elva", "https://elva.ee/", total: 70, rank: 1, [.pass])])
    let change = ComparisonBuilder.compare(after, with: before).sites[0]
    #expect(change.previousRank == 3)
    #expect(change.gained == [StatusChange(ruleID: "r1", from: .fail, to: .pass)])
  }

  @Test func newSitesHaveNoPastAndVanishedSitesAreListed() {
    let before = card(
      "2026-10-20",
      [
        site("Anija", "https://anija.ee/", total: 90, rank: 1),
        site("Elva", "https://elva.ee/", total: 50, rank: 2),
        site("Vana", "https://vana.ee/", total: 10, rank: 3),
      ])
    let after = card(
      "2026-11-20",
      [
        site("Uus", "https://uus.ee/", total: 95, rank: 1),
        site("Elva", "https://elva.ee/", total: 60, rank: 2),
      ])
    let comparison = ComparisonBuilder.compare(after, with: before)
    #expect(comparison.sites.map(\.url) == ["https://uus.ee/", "https://elva.ee/"])
    #expect(comparison.sites[0].previousRank == nil)
    #expect(comparison.sites[0].previousTotal == nil)
    #expect(comparison.sites[1].previousRank == 2)
    #expect(
      comparison.removedSites == [
        RemovedSite(name: "Anija", url: "https://anija.ee/", previousRank: 1, previousTotal: 90),
        RemovedSite(name: "Vana", url: "https://vana.ee/", previousRank: 3, previousTotal: 10),
      ])
  }

  @Test func aSiteEitherRunDidNotAuditIsAGapNotADropToZero() {
    func unreachable(_ name: String, _ url: String) -> SiteResult {
      SiteResult(
        site: Site(name: name, url: url), outcome: .unreachable(reason: "refused"),
        pagesCrawled: 0, total: nil, areas: [], findings: [])
    }
    let before = card(
      "2026-10-20",
      [
        site("Elva", "https://elva.ee/", total: 50, rank: 1),
        unreachable("Anija", "https://anija.ee/"), unreachable("Vana", "https://vana.ee/"),
      ])
    let after = card(
      "2026-11-20",
      [
        site("Anija", "https://anija.ee/", total: 70, rank: 1),
        unreachable("Elva", "https://elva.ee/"),
      ]
    )
    let comparison = ComparisonBuilder.compare(after, with: before)
    #expect(
      comparison.sites == [
        SiteChange(
          url: "https://anija.ee/", previousRank: nil, previousTotal: nil,
          previousStatus: .unreachable, gained: [], lost: []),
        SiteChange(
          url: "https://elva.ee/", previousRank: 1, previousTotal: 50, previousStatus: .audited,
          gained: [], lost: []),
      ])
    #expect(
      comparison.removedSites == [
        RemovedSite(
          name: "Vana", url: "https://vana.ee/", previousRank: nil, previousTotal: nil,
          previousStatus: .unreachable)
      ])
  }
}
