import Foundation
import MuniscanCore
import MuniscanTestSupport
import Testing

@testable import MuniscanRules

@Suite struct RuleSetLoaderTests {
  func load(_ files: [String: String]) throws -> RuleSet {
    let set = try TemporaryRuleSet(files)
    defer { set.remove() }
    return try RuleSetLoader.load(directory: set.directory, locales: TemporaryRuleSet.locales)
  }

  func error(_ files: [String: String]) -> RuleError? {
    do {
      _ = try load(files)
      return nil
    } catch let error as RuleError {
      return error
    } catch {
      return RuleError(file: "?", message: "unexpected \(error)")
    }
  }

  @Test func loadsRulesWithAllTheirParts() throws {
    let ruleSet = try load([
      "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
      "council.yml": TemporaryRuleSet.rule(
        """
        basis: AvTS § 28
        scope: { depth: 2 }
        match:
          any:
            - link: { text: ["istungi protokoll*", minutes], region: [nav, main] }
            - document: { text: [protokoll*], type: [pdf] }
        partial: { heading: [protokoll*] }
        fresh: { days: 120 }
        examples:
          pass: ['<a href="/p.pdf">Istungi protokoll 02.11.2026</a>']
          fail: ['<p>nothing</p>']
        """),
    ])
    #expect(ruleSet.id == "test" && ruleSet.version == "1")
    let rule = try #require(ruleSet.rule(id: "council.minutes"))
    #expect(rule.weight == 2)
    #expect(rule.scope == .depth(2))
    #expect(rule.freshness == .days(120))
    #expect(rule.examples.map(\.expected) == [.pass, .fail])
    #expect(rule.examples[0].location.line == 16)
    guard case .any(let parts) = rule.match, case .test(let test) = parts[0],
      let link = test.family as? LinkTest
    else {
      Issue.record("unexpected predicate \(rule.match)")
      return
    }
    #expect(link.text.map(\.normalized) == ["istungi protokoll", "minutes"])
    #expect(link.text[0].isPrefix && !link.text[1].isPrefix)
    #expect(link.regions == [.nav, .main])
  }

  @Test func unknownKeyIsAnErrorWithFileAndLine() throws {
    let found = try #require(
      error([
        "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
        "council.yml": TemporaryRuleSet.rule(
          "match: { link: [protokoll] }\nmatchs: { title: [x] }"),
      ]))
    #expect(found.file.hasSuffix("council.yml"))
    #expect(found.line == 8)
    #expect(found.message.contains("unknown key 'matchs'"))
  }

  @Test(arguments: [
    ("match: { regex: '([' }", "invalid regular expression"),
    ("match: { frobnicate: [x] }", "unknown key 'frobnicate' in a predicate"),
    ("match: { link: { region: [sidebar], text: [x] } }", "unknown region 'sidebar'"),
    ("match: { title: [] }", "needs at least one word"),
    ("match: { title: ['!!'] }", "no letters or digits"),
    ("match: { email: false }", "only takes true"),
    ("match: { link: { text: [x], standing: false } }", "'link.standing' only takes true"),
    ("match: { phone: 0 }", "count of at least 1"),
    ("match: { link: ['оплат* труда'] }", "has a '*' inside"),
    ("match: { link: ['=*toetus'] }", "has a '*' inside"),
    ("match: { link: [a], title: [b] }", "exactly one key"),
    ("match: { link: [a] }\nfresh: { days: -3 }", "'fresh.days' must be positive"),
    (
      "match: { link: [a] }\nfresh: { live: [volis.ee] }",
      "'fresh' takes one of days, years or running"
    ),
    (
      "match: { link: [a] }\nfresh: { days: 9, running: true }",
      "takes one of days, years or running"
    ),
    ("match: { link: [a] }\nfresh: { running: false }", "'fresh.running' only takes true"),
    ("match: { link: [a] }\nfresh: { days: 9, live: [] }", "needs at least one host"),
    ("match: { link: [a] }\nstanding: maybe", "'standing' must be true or false"),
    ("match: { link: [a] }\nstanding: 'true'", "'standing' must be true or false"),
    ("match: { link: [a] }\nstanding: tRuE", "'standing' must be true or false"),
    ("match: { link: [a] }\nweight: lots", "duplicate keys"),
    ("match: { link: [a] }\nexamples: { maybe: ['<p>'] }", "unknown key 'maybe'"),
    ("match: { embed: {} }", "'embed' needs a url or a host"),
    ("match: { embed: { host: [] } }", "needs at least one host"),
    ("match: { embed: { url: '(' } }", "invalid regular expression"),
    ("match: { regex: 'p\\u00e4ev' }", "ICU, the engine before PCRE2, accepted it"),
  ])
  func malformedRulesAreReported(body: String, message: String) throws {
    let found = try #require(
      error([
        "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
        "council.yml": TemporaryRuleSet.rule(body),
      ]))
    #expect(found.description.contains(message), "\(found)")
    #expect(found.description.hasPrefix(found.file))
  }

  @Test(arguments: [
    ("council.minutes", true), ("budget.report-2025", true), ("a1.b.c-d", true),
    ("Council.minutes", false), ("council", false), ("council.", false), (".minutes", false),
    ("council..minutes", false), ("coun-cil.minutes", false), ("council.min utes", false),
    ("council.minütes", false),
  ])
  func ruleIdsLookLikeAreaDotName(id: String, valid: Bool) throws {
    let rule = TemporaryRuleSet.rule("match: { link: [a] }")
      .replacingOccurrences(of: "id: council.minutes", with: "id: '\(id)'")
    let found = error([
      "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
      "council.yml": rule,
    ])
    if valid {
      #expect(found == nil, "\(String(describing: found))")
    } else {
      #expect(found?.message.contains("rule id '\(id)' must look like 'area.name'") == true)
    }
  }

  @Test(arguments: [("true", true), ("yes", true), ("On", true), ("false", false), ("no", false)])
  func plainBooleansInEveryYAMLSpelling(word: String, standing: Bool) throws {
    let rules = try load([
      "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
      "council.yml": TemporaryRuleSet.rule("match: { link: [a] }\nstanding: \(word)"),
    ])
    #expect(rules.rules.first { $0.id == "council.minutes" }?.standing == standing)
  }

  @Test func brokenYAMLNamesTheLine() throws {
    let found = try #require(
      error([
        "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
        "bad.yml": "rules:\n  - id: [unclosed\n",
      ]))
    #expect(found.file.hasSuffix("bad.yml"))
    #expect(found.line >= 2)
    #expect(found.message.hasPrefix("invalid YAML"))
  }

  @Test func ruleInAnUnlistedAreaIsAnError() throws {
    let body = TemporaryRuleSet.rule("match: { link: [x] }").replacingOccurrences(
      of: "area: council", with: "area: budget")
    let found = try #require(
      error([
        "ruleset.yml": TemporaryRuleSet.manifest, "locale.yml": TemporaryRuleSet.locale,
        "c.yml": body,
      ]))
    #expect(found.message.contains("area 'budget'"))
  }

  @Test func extendsOverridesWeightsAndDisablesRules() throws {
    let set = try TemporaryRuleSet([
      "base/ruleset.yml": TemporaryRuleSet.manifest, "base/locale.yml": TemporaryRuleSet.locale,
      "base/council.yml": TemporaryRuleSet.rule("match: { link: [protokoll*] }")
        + "\n  - id: council.agendas\n    area: council\n    weight: 1\n    title: { et: P, en: A }\n    advice: { et: a, en: a }\n    match: { link: [agenda] }\n",
      "small/ruleset.yml":
        "id: small\nversion: \"2\"\nextends: ../base\ndisable: [council.agendas]\nweights: { council.minutes: 5 }\n",
    ])
    defer { set.remove() }
    let small = try RuleSetLoader.load(
      directory: set.directory + "/small", locales: TemporaryRuleSet.locales)
    #expect(small.id == "small" && small.version == "2")
    #expect(small.rules.map(\.id) == ["council.minutes"])
    #expect(small.rules[0].weight == 5)
    #expect(small.examplesAsOf == Day(iso: "2026-11-20"))

    let broken = try TemporaryRuleSet([
      "ruleset.yml": "id: x\nversion: \"1\"\nextends: ../nowhere\n"
    ])
    defer { broken.remove() }
    #expect(throws: RuleError.self) {
      try RuleSetLoader.load(directory: broken.directory, locales: TemporaryRuleSet.locales)
    }
  }

  @Test func missingFolderIsAnError() {
    #expect(throws: RuleError.self) {
      try RuleSetLoader.load(directory: "/nonexistent/rules", locales: TemporaryRuleSet.locales)
    }
  }
}

/// The rule language's vocabulary is one list: the reader knows exactly its keys, and the
/// reference in docs/rules.md is made from it.
@Suite struct PredicateVocabularyTests {
  @Test func theReferenceInTheDocsIsTheVocabulary() throws {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "docs/rules.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    #expect(text.contains(PredicateVocabulary.referenceTable))
  }

  @Test func everyKeyOfTheVocabularyIsReadByItsOwnFamily() throws {
    for family in PredicateVocabulary.families {
      for key in family.keys {
        #expect(PredicateVocabulary.familiesByKey[key] == family, "\(key)")
      }
    }
    #expect(
      PredicateVocabulary.keys.count
        == PredicateVocabulary.families.flatMap { $0.keys }.count
        + PredicateVocabulary.combinators.count)
  }
}
