import MuniscanCore

/// A rule's predicate compiled against its rule set: each test made ready by its family
/// (phrases turned into ids of the rule set's phrase matcher, patterns into indices of its
/// compiled patterns, item tests given a slot in which a site remembers its answer, so a menu
/// repeated on every page is judged once per site, not once per page).
indirect enum Check: Sendable {
  /// Every part holds; `order` runs cheap parts first while evidence keeps the written order.
  case all([Check], order: [Int])
  case any([Check])
  case not(Check)
  case test(any PageTest)

  /// Rough relative cost on one page, for ordering `all`.
  var cost: Int {
    switch self {
    case .all(let parts, _), .any(let parts): return parts.map(\.cost).max() ?? 0
    case .not(let inner): return inner.cost
    case .test(let test): return test.cost
    }
  }
}

/// Turns predicates into checks, giving equal item tests one shared slot.
struct CheckCompiler {
  let matcher: PhraseMatcher
  let patterns: CompiledPatterns
  private var slots: [AnyHashable: Int] = [:]

  init(matcher: PhraseMatcher, patterns: CompiledPatterns) {
    self.matcher = matcher
    self.patterns = patterns
  }

  /// Number of slots handed out.
  var slotCount: Int { slots.count }

  mutating func compile(_ predicate: Predicate) -> Check {
    switch predicate {
    case .all(let parts):
      let checks = parts.map { compile($0) }
      let order = checks.indices.sorted { (checks[$0].cost, $0) < (checks[$1].cost, $1) }
      return .all(checks, order: order)
    case .any(let parts): return .any(parts.map { compile($0) })
    case .not(let inner): return .not(compile(inner))
    case .test(let test): return .test(test.family.compile(&self))
    }
  }

  /// The slot in which a site keeps the answer of an item test; equal tests share one.
  mutating func slot(for test: some Hashable) -> Int {
    let key = AnyHashable(test)
    if let known = slots[key] { return known }
    slots[key] = slots.count
    return slots.count - 1
  }

  /// Matcher ids of phrases; the matcher was built from every phrase of the rule set.
  func ids(_ phrases: [Phrase]) -> [Int] {
    phrases.map { phrase in
      guard let id = matcher.id(of: phrase) else {
        preconditionFailure("phrase \(phrase) missing from the rule set's matcher")
      }
      return id
    }
  }

  /// The index of a pattern among the rule set's compiled patterns.
  func pattern(_ source: String) -> Int { patterns.index(of: source) }
}
