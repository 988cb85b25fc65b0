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
    #expect(text.contains("/et/kontakt"))
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
    #expect(outcome.error == nil, "\(outcome.message)")
    let lines = outcome.output.split(separator: "\n")
    let tamme = try #require(lines.first { $0.contains("Tamme linn") })
    let kadunud = try #require(lines.first { $0.contains("Kadunud vald") })
    #expect(tamme.hasPrefix("   1"))
    #expect(kadunud.contains("unreachable"))
    #expect(kadunud.contains("   0.0"))
  }
}
