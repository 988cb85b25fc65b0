import Foundation
import MuniscanAudit
import MuniscanTestSupport
import Testing

/// Rule sets as the commands load them: where the rules meet the parser, a page query the
/// parser cannot run is reported at the place in the rule file that asks for it.
@Suite struct RulesLocatorTests {
  @Test(arguments: [
    ("match: { selector: 'div[' }", "invalid CSS selector"),
    ("match: { xpath: '//div[' }", "invalid XPath"),
    ("match: { xpath: 'nosuchfunction(1)' }", "invalid XPath"),
  ])
  func unrunnableQueriesNameTheirRuleFileLineAndColumn(body: String, message: String) throws {
    let set = try TemporaryRuleSet([
      "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
      "council.yml": TemporaryRuleSet.rule(body),
    ])
    defer { set.remove() }
    do {
      _ = try RulesLocator.load(set.directory)
      Issue.record("\(body) was accepted")
    } catch let error as MuniscanError {
      #expect(error.description.contains("council.yml:7:"), "\(error)")
      #expect(error.description.contains(message), "\(error)")
      #expect(!error.description.contains("\n"))
    }
  }

  @Test func theShippedRuleSetsLoad() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    for name in ["ee", "en-generic", "ee-small"] {
      #expect(try RulesLocator.load(root + "/rules/" + name).rules.count > 0)
    }
  }
}
