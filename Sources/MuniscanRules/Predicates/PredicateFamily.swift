import MuniscanCore

/// A kind of test a rule can make (a link naming the thing, a heading, a recent date), as one
/// unit: its keys in rule files, how it is read and described, the line that documents it, and
/// how it is judged on a page. ``PredicateVocabulary`` lists every family; the rule reader and
/// the documentation are made from that one list.
protocol PredicateFamily: Sendable, Hashable, CustomStringConvertible {
  /// The rule-file keys that name the family (most have one).
  static var keys: [String] { get }
  /// The family's row in the rule language's reference.
  static var documentation: PredicateDocumentation { get }
  /// Reads the family's value written under `key`, strictly.
  static func read(key: String, _ value: YAMLValue) throws -> Self
  /// Phrases the test looks for (the rule set's one phrase matcher finds them all).
  var phrases: [Phrase] { get }
  /// Regular expressions the test uses (compiled once for the rule set).
  var patterns: [String] { get }
  /// Page queries the test needs run while pages are parsed.
  var queries: [LocatedQuery] { get }
  /// The test made ready to judge pages against a rule set's matcher and patterns.
  func compile(_ compiler: inout CheckCompiler) -> any PageTest
}

extension PredicateFamily {
  var phrases: [Phrase] { [] }
  var patterns: [String] { [] }
  var queries: [LocatedQuery] { [] }
}

/// A test compiled for judging: it says whether it holds on a page and, when it does, which
/// evidence shows it.
protocol PageTest: Sendable {
  /// Rough relative cost on one page, so `all` runs cheap tests first.
  var cost: Int { get }
  /// Evidence when the test holds on `page`, nil when it does not.
  func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]?
}

extension PageTest {
  var cost: Int { 0 }
}

/// The predicates of the rule language: the combinators and every family, in the order the
/// reference lists them. Rule files are read with it, and docs/rules.md's table is made from it.
public enum PredicateVocabulary {
  static let families: [any PredicateFamily.Type] = [
    LinkTest.self, DocumentTest.self, EmbedTest.self, HeadingTest.self, TitleTest.self,
    PageNameTest.self, TextTest.self, StatementTest.self, RegexTest.self, URLTest.self,
    QueryTest.self, NewsItemTest.self, ContactCountTest.self,
    DateWithinTest.self, HTTPSTest.self,
  ]

  /// The combinators, which nest predicates, by key.
  static let combinators: [(key: String, documentation: PredicateDocumentation)] = [
    (
      "all",
      PredicateDocumentation(
        syntax: "`all: [P, …]`", meaning: "every part holds on the same page",
        evidence: "the parts' evidence")
    ),
    (
      "any",
      PredicateDocumentation(
        syntax: "`any: [P, …]`", meaning: "one part holds", evidence: "the first part's evidence")
    ),
    (
      "not",
      PredicateDocumentation(
        syntax: "`not: P`", meaning: "P does not hold on the page", evidence: "none")
    ),
  ]

  /// The family each key names.
  static let familiesByKey: [String: any PredicateFamily.Type] = Dictionary(
    uniqueKeysWithValues: families.flatMap { family in family.keys.map { ($0, family) } })

  /// Every key a predicate may have.
  static let keys = Set(combinators.map(\.key) + familiesByKey.keys)

  /// The reference table of docs/rules.md, in Markdown: one row a combinator and a family.
  public static var referenceTable: String {
    let rows = combinators.map(\.documentation) + families.map { $0.documentation }
    let lines = rows.map { "| \($0.syntax) | \($0.meaning) | \($0.evidence) |" }
    return (["| key | holds when | evidence shown |", "| --- | --- | --- |"] + lines)
      .joined(separator: "\n") + "\n"
  }
}

/// One row of the rule language's reference: how a predicate is written, when it holds, and
/// what evidence it shows.
struct PredicateDocumentation: Sendable {
  var syntax: String
  var meaning: String
  var evidence: String
}

/// A family whose whole value is a list of phrases (`heading`, `title`, `text`): read and
/// looked for the same way.
protocol PhraseListFamily: PredicateFamily {
  var words: [Phrase] { get }
  init(words: [Phrase])
}

extension PhraseListFamily {
  static func read(key: String, _ value: YAMLValue) throws -> Self {
    Self(words: try PredicateReader.phrases(value, what: "'\(key)'"))
  }

  var phrases: [Phrase] { words }
}

/// A family whose whole value is one regular expression (`regex`, `url`).
protocol PatternFamily: PredicateFamily {
  var pattern: String { get }
  init(pattern: String)
}

extension PatternFamily {
  static func read(key: String, _ value: YAMLValue) throws -> Self {
    Self(pattern: try PredicateReader.regex(value, what: "'\(key)'"))
  }

  var patterns: [String] { [pattern] }
}
