import MuniscanCore

/// What a rule's `match` or `partial` tests: tests of one page (or, for `https`, of the site),
/// combined with `all`, `any` and `not`. Each test is a value of one predicate family
/// (``PredicateVocabulary`` lists them).
public indirect enum Predicate: Sendable, Hashable {
  case all([Predicate])
  case any([Predicate])
  case not(Predicate)
  case test(PredicateTest)

  /// Every selector or XPath query the predicate needs run during parsing, where it is written.
  public var queries: [LocatedQuery] { tests.flatMap(\.family.queries) }

  /// Every phrase the predicate looks for.
  var phrases: [Phrase] { tests.flatMap(\.family.phrases) }

  /// Every regular expression the predicate uses.
  var patterns: [String] { tests.flatMap(\.family.patterns) }

  /// The predicate's tests, in the order written.
  private var tests: [PredicateTest] {
    switch self {
    case .all(let parts), .any(let parts): return parts.flatMap(\.tests)
    case .not(let inner): return inner.tests
    case .test(let test): return [test]
    }
  }

  /// The predicate in words, one line a test, nested parts indented: `muniscan rules explain`.
  public func lines(indent: String) -> [String] {
    switch self {
    case .all(let parts):
      return [indent + "all of:"] + parts.flatMap { $0.lines(indent: indent + "  ") }
    case .any(let parts):
      return [indent + "any of:"] + parts.flatMap { $0.lines(indent: indent + "  ") }
    case .not(let inner):
      return [indent + "not:"] + inner.lines(indent: indent + "  ")
    case .test(let test):
      return [indent + test.family.description]
    }
  }
}

/// One test of some predicate family, as a rule holds it.
public struct PredicateTest: Sendable, Hashable, CustomStringConvertible {
  let family: any PredicateFamily

  init(_ family: any PredicateFamily) { self.family = family }

  public var description: String { family.description }

  public static func == (lhs: PredicateTest, rhs: PredicateTest) -> Bool {
    AnyHashable(lhs.family) == AnyHashable(rhs.family)
  }

  public func hash(into hasher: inout Hasher) { AnyHashable(family).hash(into: &hasher) }
}

/// A page query with the place in a rule file that asks for it, so a query the parser cannot
/// run is reported there.
public struct LocatedQuery: Sendable, Hashable {
  public var query: PageQuery
  public var location: SourceLocation
}
