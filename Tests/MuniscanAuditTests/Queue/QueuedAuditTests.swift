import Foundation
import MuniscanAudit
import MuniscanCore
import MuniscanRules
import MuniscanStore
import MuniscanTestSupport
import Testing

/// A queued run's tasks are host groups, and its scorecard holds every site, those of failed
/// tasks not audited (incomplete, with the task's reason) rather than ranked.
@Suite struct QueuedAuditTests {
  @Test func sitesSharingARegistrableDomainAreOneTaskInTheListsOrder() {
    let urls = [
      "https://www.tartu.ee/", "https://elva.ee/", "https://kool.tartu.ee/",
      "https://www.firma.com.ee/", "https://muu.com.ee/", "https://tartu.ee:8443/",
    ]
    let groups = QueuedAudit.hostGroups(urls.map { Site(name: $0, url: $0) })
    #expect(
      groups.map { $0.map(\.url) } == [
        ["https://www.tartu.ee/", "https://kool.tartu.ee/", "https://tartu.ee:8443/"],
        ["https://elva.ee/"], ["https://www.firma.com.ee/"], ["https://muu.com.ee/"],
      ])
  }

  @Test func theSitesOfAFailedTaskAreIncompleteWithTheReason() throws {
    let rules = try TemporaryRuleSet([
      "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
      "council.yml": TemporaryRuleSet.rule("match: {text: protokoll}"),
    ])
    defer { rules.remove() }
    let ruleSet = try RulesLocator.load(rules.directory)
    let day = try #require(Day(iso: "2026-11-20"))
    let done = SiteResult(
      site: Site(name: "Elva", url: "https://elva.ee/"), outcome: .crawled, pagesCrawled: 3,
      total: 100, areas: [], findings: [])
    let failure = QueueOutcome.Failure(
      sites: [Site(name: "Tartu", url: "https://tartu.ee/")],
      reason: "the lease expired on attempt 3 of 3")
    let outcome = QueueOutcome(
      runID: "2026-11-20", asOf: day, options: Data("{}".utf8), results: [done],
      failures: [failure])
    let scorecard = QueuedAudit.scorecard(of: outcome, ruleSet: ruleSet)
    #expect(scorecard.runID == "2026-11-20")
    #expect(scorecard.sites.map(\.site.name) == ["Elva", "Tartu"])
    #expect(scorecard.sites.map(\.rank) == [1, nil])
    #expect(
      scorecard.sites[1].outcome
        == .incomplete(reason: "queue task failed: the lease expired on attempt 3 of 3"))
    #expect(scorecard.sites[1].findings.map(\.status) == [.unknown])
  }
}
