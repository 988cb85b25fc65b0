import MuniscanCore
import Testing

@testable import MuniscanRules

/// A finding's evidence goes strongest first, as an auditor weighs it, repeats dropped, and
/// evidence of one strength in the order it was found.
@Suite struct EvidenceRankingTests {
  private func evidence(_ kind: String, _ snippet: String, target: String? = nil) -> Evidence {
    Evidence(url: "https://www.vald.ee/leht", kind: kind, snippet: snippet, target: target)
  }

  @Test func strongestFirstRepeatsDroppedEqualsInTheirOrder() {
    let found = [
      evidence("text", "volikogu protokollid"),
      evidence("link", "Protokollid", target: "https://www.vald.ee/protokollid"),
      evidence("heading", "Volikogu"),
      evidence("document", "Protokoll nr 3", target: "https://www.vald.ee/p3.pdf"),
      evidence("link", "Volis", target: "https://vald.volis.ee/"),
      evidence("text", "volikogu protokollid"),
      evidence("title", "Volikogu"),
      evidence("link", "Istungid", target: "https://www.vald.ee/istungid"),
    ]
    let ranked = EvidenceRanking.ranked(found, evidence: { $0 }, siteKey: "vald.ee")
    #expect(
      ranked.map(\.snippet) == [
        "Protokoll nr 3", "Volis", "Volikogu", "Protokollid", "Istungid", "Volikogu",
        "volikogu protokollid",
      ])
    #expect(ranked.map(\.kind) == ["document", "link", "title", "link", "link", "heading", "text"])
  }

  @Test func evidenceIsOneWhenItsKindAndTargetOrWordsAreTheSameBytes() {
    let found = [
      evidence("link", "Eelarve", target: "https://www.vald.ee/eelarve"),
      evidence("link", "Eelarve 2026", target: "https://www.vald.ee/eelarve"),
      evidence("document", "Eelarve", target: "https://www.vald.ee/eelarve"),
      evidence("text", "l\u{F5}petatud"),
      evidence("text", "l\u{F5}petatud"),
      evidence("text", "lo\u{303}petatud"),
    ]
    let kept = EvidenceRanking.distinct(found, evidence: { $0 })
    #expect(kept.map(\.kind) == ["link", "document", "text", "text"])
    #expect(kept.last?.snippet == "lo\u{303}petatud")
  }
}
