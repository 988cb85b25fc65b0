import Foundation
import MuniscanCore
import MuniscanReports
import Testing

/// The JSON reporter's output against `docs/scorecard.schema.json`, checked by Python's
/// `jsonschema` (draft 2020-12, with date formats checked).
@Suite struct ScorecardSchemaTests {
  static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/scorecard.schema.json")

  /// Prints one line per document: "valid" or "invalid: <first error>".
  static let validator = """
    import json, sys
    from jsonschema import Draft202012Validator
    schema = json.load(open(sys.argv[1]))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for path in sys.argv[2:]:
        errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
        print("valid" if not errors else "invalid: " + errors[0].message)
    """

  /// Validates each JSON text and returns the validator's verdict for each.
  static func validate(_ documents: [String]) throws -> [String] {
    let folder = try ExternalTool.write(
      documents.enumerated().map { ("doc\($0.offset).json", $0.element) })
    defer { try? FileManager.default.removeItem(at: folder) }
    let paths = documents.indices.map { folder.appendingPathComponent("doc\($0).json").path }
    let result = try ExternalTool.run("python3", ["-c", validator, schema.path] + paths)
    #expect(result.status == 0, "python3 jsonschema failed: \(result.errors)")
    return result.output.split(separator: "\n").map(String.init)
  }

  @Test func jsonOfARunWithComparisonTrendAndAnUnreachableSiteMatchesTheSchema() throws {
    let card = ReportFixture.card()
    #expect(card.sites.contains { !$0.outcome.isReachable })
    let full = try JSONReporter().render(card, options: try ReportFixture.options())
    let plain = try JSONReporter().render(
      ReportFixture.card(compared: false), options: try ReportFixture.options())
    #expect(try Self.validate([full, plain]) == ["valid", "valid"])
  }

  @Test func sitesClosedByRobotsOrIncompleteInTheirArchiveMatchTheSchema() throws {
    let outcomes: [CrawlOutcome] = [
      .closedByRobots(reason: "robots.txt disallows crawling"),
      .incomplete(reason: "archive damaged: warc/a.warc.gz: offset 512: past the end of the file"),
    ]
    let documents = try outcomes.map { outcome in
      var sites = ReportFixture.sites
      sites[0].outcome = outcome
      return try JSONReporter().render(
        ReportFixture.card(compared: false, sites: sites), options: try ReportFixture.options())
    }
    #expect(try Self.validate(documents) == ["valid", "valid"])
  }

  @Test func theSchemaRejectsWhatTheReporterNeverWrites() throws {
    let json = try JSONReporter().render(ReportFixture.card(), options: try ReportFixture.options())
    func mutated(_ change: (inout [String: Any]) -> Void) throws -> String {
      var object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
      change(&object)
      return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
    func firstFinding(_ object: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
      var sites = object["sites"] as! [[String: Any]]
      var findings = sites[0]["findings"] as! [[String: Any]]
      change(&findings[0])
      sites[0]["findings"] = findings
      object["sites"] = sites
    }
    let documents = [
      try mutated { $0["asOf"] = "20.11.2026" },
      try mutated { $0["asOf"] = "2026-13-45" },
      try mutated { $0.removeValue(forKey: "ruleSetID") },
      try mutated { $0["extra"] = true },
      try mutated { object in firstFinding(&object) { $0["status"] = "maybe" } },
      try mutated { object in firstFinding(&object) { $0.removeValue(forKey: "evidence") } },
      try mutated { object in
        var sites = object["sites"] as! [[String: Any]]
        sites[0]["band"] = "blue"
        object["sites"] = sites
      },
      // A site not audited never has a score, band or rank; an audited one always has them.
      try mutated { object in
        var sites = object["sites"] as! [[String: Any]]
        sites[4]["total"] = 0
        object["sites"] = sites
      },
      try mutated { object in
        var sites = object["sites"] as! [[String: Any]]
        sites[4]["rank"] = 5
        object["sites"] = sites
      },
      try mutated { object in
        var sites = object["sites"] as! [[String: Any]]
        sites[0].removeValue(forKey: "rank")
        object["sites"] = sites
      },
      try mutated { object in
        var sites = object["sites"] as! [[String: Any]]
        sites[4]["status"] = "audited"
        object["sites"] = sites
      },
      try mutated { $0["schemaVersion"] = 1 },
    ]
    let verdicts = try Self.validate(documents)
    #expect(verdicts.count == documents.count)
    #expect(verdicts.allSatisfy { $0.hasPrefix("invalid: ") }, "\(verdicts)")
  }
}
