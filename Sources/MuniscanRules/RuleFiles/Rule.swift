import MuniscanCore

/// Which pages a rule looks at.
public enum RuleScope: Sendable, Hashable {
  case site
  case home
  /// Pages at most this many clicks from the home page.
  case depth(Int)
}

/// How recent evidence must be; evidence that is found but older is `partial`.
public enum Freshness: Sendable, Hashable {
  /// A date within this many days before the audit date.
  case days(Int)
  /// A year from the audit year back this many years (0 = the audit year itself).
  case years(Int)
  /// A period still running: the last year the evidence names is the audit year or later (a
  /// development plan for 2022–2035); evidence naming no year is taken as running.
  case running
}

/// A position in a rule file.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}

/// An HTML snippet a rule must judge a given way: the rule's documentation and its test.
public struct RuleExample: Sendable, Hashable {
  public var expected: FindingStatus
  public var html: String
  /// URL the snippet is treated as coming from (the home page by default).
  public var url: String
  public var location: SourceLocation

  public init(expected: FindingStatus, html: String, url: String, location: SourceLocation) {
    self.expected = expected
    self.html = html
    self.url = url
    self.location = location
  }
}

/// One criterion: what evidence counts, how much it weighs, and how to fix its absence.
public struct Rule: Sendable, Hashable {
  public var id: String
  public var area: String
  public var weight: Double
  public var title: LocalizedText
  public var advice: LocalizedText
  /// Legal or methodological basis (e.g. "AvTS § 28 lg 1 p 10").
  public var basis: String
  public var scope: RuleScope
  /// Whether only standing pages count: news items (``NewsItems``) are no evidence of it, as a
  /// story about the budget is not the budget.
  public var standing: Bool
  public var match: Predicate
  /// Weaker evidence that earns `partial` when `match` finds nothing.
  public var partial: Predicate?
  public var freshness: Freshness?
  /// Hosts of official systems that keep the record as it happens (VOLIS for council
  /// sessions): an undated link into one is current (`fresh: {…, live: [hosts]}`).
  public var liveHosts: [String]
  public var examples: [RuleExample]
  public var location: SourceLocation

  public init(
    id: String, area: String, weight: Double, title: LocalizedText, advice: LocalizedText,
    basis: String, scope: RuleScope, match: Predicate, partial: Predicate?,
    freshness: Freshness?, examples: [RuleExample], location: SourceLocation,
    standing: Bool = false, liveHosts: [String] = []
  ) {
    self.id = id
    self.area = area
    self.weight = weight
    self.title = title
    self.advice = advice
    self.basis = basis
    self.scope = scope
    self.standing = standing
    self.match = match
    self.partial = partial
    self.freshness = freshness
    self.liveHosts = liveHosts
    self.examples = examples
    self.location = location
  }
}

/// A versioned, named collection of rules and the areas they score, stamped into every result.
public struct RuleSet: Sendable, Hashable {
  public var id: String
  public var version: String
  /// The languages its titles and advice are written in, its own first; reports can be
  /// rendered in these.
  public var languages: [Language]
  public var title: LocalizedText
  public var areas: [AreaInfo]
  public var rules: [Rule]
  /// The audit date rule examples are judged against.
  public var examplesAsOf: Day
  /// How its pages write dates and phone numbers (`locale.yml`).
  public var locale: PageLocale
  /// Where its language files are found, report words among them.
  public var locales: LocaleLibrary

  public init(
    id: String, version: String, languages: [Language], title: LocalizedText,
    areas: [AreaInfo], rules: [Rule], examplesAsOf: Day, locale: PageLocale,
    locales: LocaleLibrary
  ) {
    self.id = id
    self.version = version
    self.languages = languages
    self.title = title
    self.areas = areas
    self.rules = rules
    self.examplesAsOf = examplesAsOf
    self.locale = locale
    self.locales = locales
  }

  /// Every selector and XPath query any rule needs, without repeats, in rule order, each
  /// with the first place that asks for it.
  public var queries: [LocatedQuery] {
    var seen = Set<PageQuery>()
    return rules.flatMap { [$0.match] + ($0.partial.map { [$0] } ?? []) }
      .flatMap(\.queries)
      .filter { seen.insert($0.query).inserted }
  }

  public func rule(id: String) -> Rule? { rules.first { $0.id == id } }
}
