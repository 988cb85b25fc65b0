import Foundation
import MuniscanRules
import MuniscanTestSupport
import Testing

/// Rule files that would expand past what reading can afford are refused quickly, with one
/// line naming the file, the place and the limit.
@Suite struct YAMLLimitsTests {
  /// `match:` with ten anchored predicates, each one `any` of nine aliases of the one before:
  /// under 800 bytes that expand to 9^9 predicates.
  static let billionLaughs: String = {
    let anchors = Array("abcdefghij")
    var lines = ["    - &a {text: lol}"]
    for (previous, anchor) in zip(anchors, anchors.dropFirst()) {
      let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
      lines.append("    - &\(anchor) {any: [\(aliases)]}")
    }
    return TemporaryRuleSet.rule((["match:", "  any:"] + lines).joined(separator: "\n"))
  }()

  /// The error loading `rules` gives, with the CPU seconds it took and the rule file's path.
  func loadError(_ rules: String) throws -> (error: RuleError, seconds: Double, file: String) {
    let set = try TemporaryRuleSet([
      "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
      "council.yml": rules,
    ])
    defer { set.remove() }
    let started = threadCPUSeconds()
    do {
      _ = try RuleSetLoader.load(directory: set.directory, locales: TemporaryRuleSet.locales)
    } catch let error as RuleError {
      let file = URL(fileURLWithPath: set.directory + "/council.yml").standardizedFileURL.path
      return (error, threadCPUSeconds() - started, file)
    }
    Issue.record("the rule set loaded")
    throw CancellationError()
  }

  @Test func nestedAliasesFailFastNamingTheLimit() throws {
    #expect(Self.billionLaughs.utf8.count < 800)
    let (error, seconds, file) = try loadError(Self.billionLaughs)
    #expect(seconds < 1)
    #expect(error.file == file)
    #expect(error.line > 0 && error.column > 0)
    #expect(error.message.contains("more than 100000 YAML nodes"))
    // At the alias that passes the limit: the sixth level (&f, 9^5 predicates each), line 14.
    #expect(error.line == 14)
    #expect(!error.description.contains("\n"))
    #expect(error.description.hasPrefix("\(file):\(error.line):\(error.column): "))
  }

  /// Yams hashes mapping keys to find duplicates, so an alias as a key would be expanded while
  /// composing, before any check of the composed document could run.
  @Test func nestedAliasesAsAKeyFailFast() throws {
    let (error, seconds, _) = try loadError(
      Self.billionLaughs + "\n        - ? *j\n          : 1\n")
    #expect(seconds < 1)
    #expect(error.message.contains("more than 100000 YAML nodes"))
  }

  @Test func deepNestingFailsFastNamingTheLimit() throws {
    let nested =
      String(repeating: "{not: ", count: 100) + "{text: x}" + String(repeating: "}", count: 100)
    let (error, seconds, file) = try loadError(TemporaryRuleSet.rule("match: \(nested)"))
    #expect(seconds < 1)
    #expect(error.file == file)
    #expect(error.line == 7)
    #expect(error.message.contains("nested more than 64 levels deep"))
  }

  @Test func aliasesCountTowardsTheDepth() throws {
    func nested(_ inner: String) -> String {
      String(repeating: "{not: ", count: 40) + inner + String(repeating: "}", count: 40)
    }
    let rules = TemporaryRuleSet.rule(
      "match: &deep \(nested("{text: x}"))\npartial: \(nested("*deep"))")
    let (error, seconds, _) = try loadError(rules)
    #expect(seconds < 1)
    #expect(error.line == 8)
    #expect(error.message.contains("nested more than 64 levels deep"))
  }

  @Test func aliasesWithinTheLimitsStillLoad() throws {
    let set = try TemporaryRuleSet([
      "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
      "council.yml": TemporaryRuleSet.rule(
        """
        match: &minutes { any: [{text: protokoll}, {text: minutes}] }
        partial: { not: *minutes }
        """),
    ])
    defer { set.remove() }
    let ruleSet = try RuleSetLoader.load(
      directory: set.directory, locales: TemporaryRuleSet.locales)
    #expect(ruleSet.rules.map(\.id) == ["council.minutes"])
  }
}
