import Foundation
import MuniscanCore
import Testing

@Suite(.serialized) struct AuditCommandTests {
  @Test func auditPrintsAScorecardWithEvidenceAndAdvice() async throws {
    let outcome = try await CommandRunner.withFixtureSites { port in
      await CommandRunner.run(
        ["audit", "http://www.naidisvald.ee:\(port)/", "--delay", "0", "--as-of", "2026-11-20"]
          + CommandRunner.resolve(["naidisvald.ee"], port: port))
    }
    #expect(outcome.error == nil, "\(outcome.message)")
    let text = outcome.output
    #expect(text.contains("naidisvald.ee — http://www.naidisvald.ee:"))
    #expect(text.contains("audit date 2026-11-20"))
    #expect(text.range(of: #"Total: \d+\.\d / 100"#, options: .regularExpression) != nil)
    #expect(text.contains("PASS     contact.general"))
    #expect(text.contains("FAIL     site.https"))
    #expect(text.contains("/et/vallavalitsus/ametnikud — heading: \"Ametnikud\""))
    #expect(text.contains("What to fix:"))
  }

  @Test func auditInEstonianAndAsJSON() async throws {
    let (estonian, json) = try await CommandRunner.withFixtureSites { port in
      let resolve = CommandRunner.resolve(["tammelinn.ee"], port: port)
      let common =
        ["audit", "http://tammelinn.ee:\(port)/", "--delay", "0", "--as-of", "2026-11-20"] + resolve
      return (
        await CommandRunner.run(common + ["--lang", "et"]),
        await CommandRunner.run(common + ["--format", "json"])
      )
    }
    #expect(estonian.output.contains("Koondhinne:"))
    #expect(estonian.output.contains("Mida parandada:"))
    let card = try JSONDecoder().decode(Scorecard.self, from: Data(json.output.utf8))
    #expect(card.ruleSetID == "ee")
    #expect(card.sites.count == 1)
    let site = card.sites[0]
    #expect(site.findings.count == 29)
    #expect(site.pagesCrawled > 5)
    #expect(site.findings.allSatisfy { $0.status != .pass || !$0.evidence.isEmpty })
    #expect(site.areas.map(\.area) == card.areas.map(\.id))
  }

  @Test func maxPagesBoundsTheCrawl() async throws {
    let outcome = try await CommandRunner.withFixtureSites { port in
      await CommandRunner.run(
        [
          "audit", "http://www.naidisvald.ee:\(port)/", "--delay", "0", "--max-pages", "3",
          "--format", "json", "--as-of", "2026-11-20",
        ]
          + CommandRunner.resolve(["naidisvald.ee"], port: port))
    }
    let card = try JSONDecoder().decode(Scorecard.self, from: Data(outcome.output.utf8))
    #expect(card.sites[0].pagesCrawled <= 3)
  }

  @Test func scanMarksAnUnreachableSiteAndScoresTheOthers() async throws {
    let file = NSTemporaryDirectory() + "muniscan-scan-\(UUID().uuidString).csv"
    defer { try? FileManager.default.removeItem(atPath: file) }
    let outcome = try await CommandRunner.withFixtureSites { port in
      try
        "name,url\nTamme linn,http://www.tammelinn.ee:\(port)/\nKadunud vald,http://www.kadunud.ee:1/\n"
        .write(toFile: file, atomically: true, encoding: .utf8)
      // kadunud.ee resolves to port 1 on loopback, where nothing listens: connection refused.
      return await CommandRunner.run(
        [
          "scan", "--sites", file, "--delay", "0", "--as-of", "2026-11-20", "--resolve",
          "www.kadunud.ee:1:127.0.0.1",
        ]
          + CommandRunner.resolve(["tammelinn.ee"], port: port))
    }
    // Without --fail-under a ranking with a site down is a finished run.
    #expect(outcome.error == nil, "\(outcome.message)")
    let lines = outcome.output.split(separator: "\n").map(String.init)
    let tamme = try #require(lines.first { $0.contains("Tamme linn") })
    let kadunud = try #require(lines.firstIndex { $0.contains("Kadunud vald") })
    #expect(tamme.hasPrefix("   1"))
    #expect(lines[kadunud - 1] == "Not audited (1)")
    #expect(lines[kadunud].contains("Not audited: the server refused the connection"))
    #expect(!lines[kadunud].contains("0.0"))
    #expect(lines.contains { $0.contains(" of 1 sites pass") })
  }

  /// `audit` of a site on a closed loopback port: the report says why, one line on standard
  /// error names the URL and the reason, and the exit status is 4.
  @Test func auditOfAnUnreachableSiteExitsWithStatus4() async throws {
    let outcome = await CommandRunner.run([
      "audit", "http://www.kadunud.ee:1/", "--delay", "0", "--retries", "0", "--resolve",
      "www.kadunud.ee:1:127.0.0.1", "--format", "json",
    ])
    #expect(outcome.exitCode == 4)
    #expect(
      outcome.notes.hasPrefix("not audited (unreachable): http://www.kadunud.ee:1/: "),
      "\(outcome.notes)")
    #expect(outcome.notes.split(separator: "\n").count == 1)
    let card = try JSONDecoder().decode(Scorecard.self, from: Data(outcome.output.utf8))
    #expect(card.sites.map(\.status) == [.unreachable])
    #expect(card.sites[0].total == nil && card.sites[0].rank == nil)
  }

  /// `--fail-under` over several sites compares the audited ones, and a site that was not
  /// audited ends the run with status 4 (before 2), named on standard error.
  @Test func failUnderWithASiteNotAuditedExitsWithStatus4() async throws {
    let file = NSTemporaryDirectory() + "muniscan-gate-\(UUID().uuidString).csv"
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (passing, failing) = try await CommandRunner.withFixtureSites { port in
      try
        "name,url\nTamme linn,http://www.tammelinn.ee:\(port)/\nKadunud vald,http://www.kadunud.ee:1/\n"
        .write(toFile: file, atomically: true, encoding: .utf8)
      let common =
        [
          "scan", "--sites", file, "--delay", "0", "--retries", "0", "--as-of", "2026-11-20",
          "--resolve", "www.kadunud.ee:1:127.0.0.1",
        ] + CommandRunner.resolve(["tammelinn.ee"], port: port)
      return (
        await CommandRunner.run(common + ["--fail-under", "0"]),
        await CommandRunner.run(common + ["--fail-under", "100"])
      )
    }
    #expect(passing.exitCode == 4)
    #expect(passing.notes.contains("not audited (unreachable): http://www.kadunud.ee:1/: "))
    #expect(!passing.notes.contains("fail-under:"))
    #expect(failing.exitCode == 4)
    #expect(failing.notes.contains("fail-under: 1 of 1 audited sites are below 100: Tamme linn"))
  }
}
