import Testing

/// `muniscan rules explain` says everything that decides a verdict: the predicates, freshness,
/// live systems, and whether news can show the criterion.
@Suite struct RuleExplanationTests {
  func explain(_ id: String) async -> String {
    let outcome = await CommandRunner.run([
      "rules", "explain", id, "--rules", CommandRunner.repository + "/rules/ee",
    ])
    #expect(outcome.error == nil, "\(outcome.message)")
    return outcome.output
  }

  @Test func minutesNameTheirWindowAndTheirLiveSystem() async {
    let text = await explain("council.minutes")
    #expect(text.hasPrefix("council.minutes — Minutes of council sessions / "))
    #expect(text.contains("fresh: evidence dated within 120 days of the audit date, else partial"))
    #expect(text.contains("live systems: an undated link into volis.ee is current"))
    #expect(!text.contains("standing pages only"))
    #expect(text.contains("how to fix (et): "))
  }

  @Test func theBudgetNeedsAStandingPage() async {
    let text = await explain("budget.current")
    #expect(text.contains("standing pages only: news stories and news lists are no evidence"))
    #expect(!text.contains("live systems"))
  }
}
