import Foundation
import MuniscanAudit
import MuniscanRules
import MuniscanTestSupport
import Testing

/// Every shipped rule set loads, and every example of every rule is judged as its file says,
/// so the rule files test themselves.
@Suite struct ExampleRunnerTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules").path

  static func load(_ name: String) throws -> RuleSet {
    try RuleSetLoader.load(directory: root + "/" + name, locales: TemporaryRuleSet.locales)
  }

  @Test(arguments: ["ee", "en-generic", "ee-small", "fi-generic"])
  func examplesPass(name: String) throws {
    let ruleSet = try Self.load(name)
    let (count, failures) = try ExampleRunner.run(ruleSet)
    #expect(count >= ruleSet.rules.count * 2, "every rule needs examples")
    for failure in failures { Issue.record("\(failure)") }
  }

  @Test func estonianRuleSetImplementsEveryCriterion() throws {
    let criteria = try String(contentsOfFile: Self.root + "/../docs/CRITERIA.md", encoding: .utf8)
    let ids = criteria.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("| "), let id = line.dropFirst(2).split(separator: " ").first,
        id.contains(".")
      else {
        return nil
      }
      return String(id)
    }
    #expect(ids.count == 29)
    let ruleSet = try Self.load("ee")
    #expect(Set(ruleSet.rules.map(\.id)) == Set(ids))
    for rule in ruleSet.rules {
      #expect(!rule.advice["et"].isEmpty && !rule.advice["en"].isEmpty, "\(rule.id) needs advice")
      #expect(
        rule.examples.contains { $0.expected == .pass }
          && rule.examples.contains { $0.expected == .fail }, "\(rule.id)")
    }
  }
}
