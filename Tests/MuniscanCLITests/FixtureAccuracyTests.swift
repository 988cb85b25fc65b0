import Foundation
import MuniscanCore
import Testing

/// The whole fixture nation audited end to end through the CLI, its verdicts compared with the
/// human labels: the accuracy of the default rules, measured.
@Suite(.serialized) struct FixtureAccuracyTests {
  @Test func scanMatchesTheLabels() async throws {
    let expected = try ExpectedResults.all()
    #expect(expected.count >= 10)
    let sitesFile = NSTemporaryDirectory() + "muniscan-fixture-sites-\(UUID().uuidString).csv"
    defer { try? FileManager.default.removeItem(atPath: sitesFile) }

    let outcome = try await CommandRunner.withFixtureSites { port in
      let rows = expected.map { "\"\($0.name)\",\($0.url)" }
      try (["name,url"] + rows).joined(separator: "\n").write(
        toFile: sitesFile, atomically: true, encoding: .utf8)
      return await CommandRunner.run(
        [
          "scan", "--sites", sitesFile, "--format", "json", "--delay", "0", "--max-crawl-delay",
          "0",
          "--as-of", "2026-11-20",
          "--rules", CommandRunner.repository + "/rules/ee",
        ]
          + CommandRunner.connectTo(expected.map(\.host), port: port))
    }
    #expect(outcome.error == nil, "\(outcome.message)")
    let card = try JSONDecoder().decode(Scorecard.self, from: Data(outcome.output.utf8))
    #expect(card.asOf == Day(iso: "2026-11-20"))
    #expect(card.sites.count == expected.count)

    var matrix = ConfusionMatrix()
    var bySet: [String: ConfusionMatrix] = [:]
    var heldOut = ConfusionMatrix()
    for labels in expected {
      let result = try #require(
        card.sites.first { URLNormalizer.siteKey($0.site.url) == labels.host },
        "no result for \(labels.url)")
      #expect(result.outcome == .crawled, "\(labels.url)")
      #expect(
        Set(labels.expect.keys) == Set(result.findings.map(\.ruleID)),
        "\(labels.host) labels every criterion")
      for finding in result.findings {
        guard let label = labels.expect[finding.ruleID] else { continue }
        matrix.add(
          label: label, verdict: finding.status, criterion: finding.ruleID, site: labels.host)
        if let set = labels.labelSet {
          bySet[set, default: ConfusionMatrix()].add(
            label: label, verdict: finding.status, criterion: finding.ruleID, site: labels.host)
          heldOut.add(
            label: label, verdict: finding.status, criterion: finding.ruleID, site: labels.host)
        }
      }
    }
    print(matrix.report(title: "all \(expected.count) labelled sites"))
    for (set, setMatrix) in bySet.sorted(by: { $0.key < $1.key }) {
      print(setMatrix.report(title: "set '\(set)' (written without reading the rules)"))
    }
    print(heldOut.report(title: "all held-out sets together (\(bySet.count) sets)"))
    // Issue 14's target over every held-out set after the general fixes (five sets: 0.973,
    // 0.972, 0.972 when set; the fifth set's first, blind measurement gave 0.954 over all five).
    let heldOutFigures = [heldOut.precision, heldOut.recall, heldOut.statusAccuracy]
    #expect(
      heldOutFigures.allSatisfy { $0 >= 0.97 },
      "held-out \(heldOutFigures)\n\(heldOut.mismatches.joined(separator: "\n"))")
    #expect(
      matrix.precision >= 0.965,
      "precision \(matrix.precision)\n\(matrix.mismatches.joined(separator: "\n"))")
    #expect(
      matrix.recall >= 0.965,
      "recall \(matrix.recall)\n\(matrix.mismatches.joined(separator: "\n"))")
  }
}

/// Verdicts against labels, per status and per criterion.
struct ConfusionMatrix {
  private(set) var counts: [FindingStatus: [FindingStatus: Int]] = [:]
  private(set) var byCriterion: [String: (agree: Int, total: Int)] = [:]
  private(set) var mismatches: [String] = []

  mutating func add(label: FindingStatus, verdict: FindingStatus, criterion: String, site: String) {
    counts[label, default: [:]][verdict, default: 0] += 1
    let agree = label == verdict ? 1 : 0
    let previous = byCriterion[criterion] ?? (0, 0)
    byCriterion[criterion] = (previous.agree + agree, previous.total + 1)
    if agree == 0 {
      mismatches.append(
        "  \(site) \(criterion): labelled \(label.rawValue), judged \(verdict.rawValue)")
    }
  }

  private func count(label: FindingStatus, verdict: FindingStatus) -> Int {
    counts[label]?[verdict] ?? 0
  }

  private static let classes: [FindingStatus] = [.pass, .partial, .fail]

  /// Precision of a status: of the verdicts with it, the share labelled so.
  func precision(_ status: FindingStatus) -> Double {
    let judged = Self.classes.reduce(0) { $0 + count(label: $1, verdict: status) }
    return judged == 0 ? 1 : Double(count(label: status, verdict: status)) / Double(judged)
  }

  /// Recall of a status: of the labels with it, the share judged so.
  func recall(_ status: FindingStatus) -> Double {
    let labelled = (counts[status] ?? [:]).values.reduce(0, +)
    return labelled == 0 ? 1 : Double(count(label: status, verdict: status)) / Double(labelled)
  }

  /// The share of verdicts exactly right (pass, partial or fail as labelled).
  var statusAccuracy: Double {
    let total = byCriterion.values.reduce(0) { $0 + $1.total }
    return total == 0 ? 0 : Double(byCriterion.values.reduce(0) { $0 + $1.agree }) / Double(total)
  }

  /// Precision and recall averaged over statuses, weighted by how often each is labelled.
  var precision: Double { weighted(precision) }
  var recall: Double { weighted(recall) }

  private func weighted(_ metric: (FindingStatus) -> Double) -> Double {
    let total = Double(counts.values.flatMap(\.values).reduce(0, +))
    guard total > 0 else { return 0 }
    return Self.classes.reduce(0) { sum, status in
      sum + metric(status) * Double((counts[status] ?? [:]).values.reduce(0, +)) / total
    }
  }

  func report(title: String) -> String {
    var lines = ["accuracy against fixture labels, \(title):"]
    for status in Self.classes {
      lines.append(
        "  \(status.rawValue): precision \(String(format: "%.2f", precision(status))), recall \(String(format: "%.2f", recall(status)))"
      )
    }
    lines.append(
      "  weighted: precision \(String(format: "%.3f", precision)), recall \(String(format: "%.3f", recall)), "
        + "status accuracy \(String(format: "%.3f", statusAccuracy))"
    )
    for (criterion, tally) in byCriterion.sorted(by: { $0.key < $1.key }) {
      lines.append("  \(criterion): \(tally.agree)/\(tally.total)")
    }
    return (lines + mismatches).joined(separator: "\n")
  }
}
