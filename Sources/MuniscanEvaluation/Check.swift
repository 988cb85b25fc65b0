import MuniscanCore
import MuniscanRules

/// A rule's predicate compiled against its rule set: phrases become ids of the rule set's phrase
/// matcher, regular expressions indices of its compiled patterns, and every test on links,
/// documents, headings or titles gets a slot in which a site remembers its answer, so a menu
/// repeated on every page is judged once per site, not once per page.
indirect enum Check: Sendable {
  /// Every part holds; `order` runs cheap parts first while evidence keeps the written order.
  case all([Check], order: [Int])
  case any([Check])
  case not(Check)
  case link(LinkCheck)
  case document(DocumentCheck)
  case embed(pattern: Int?, hosts: [String])
  case heading(slot: Int, phrases: [Int])
  case title(slot: Int, phrases: [Int])
  case text(phrases: [Int])
  case regex(pattern: Int)
  case url(pattern: Int)
  case selector(key: String)
  case email(atLeast: Int)
  case phone(atLeast: Int)
  case dateWithin(days: Int)
  case https

  /// Rough relative cost on one page, for ordering `all`.
  var cost: Int {
    switch self {
    case .regex, .url, .embed: return 3
    case .all(let parts, _), .any(let parts): return parts.map(\.cost).max() ?? 0
    case .not(let inner): return inner.cost
    case .text, .selector: return 1
    default: return 0
    }
  }
}

/// `Predicate.link` compiled: see ``Check``.
struct LinkCheck: Sendable {
  var slot: Int
  var phrases: [Int]
  var pattern: Int?
  var hosts: [String]
  var regions: [PageRegion]
}

/// `Predicate.document` compiled: see ``Check``.
struct DocumentCheck: Sendable {
  var slot: Int
  var phrases: [Int]
  var types: [String]
}

/// Turns predicates into checks, giving equal item tests one shared slot.
struct CheckCompiler {
  let matcher: PhraseMatcher
  let patterns: CompiledPatterns
  private var slots: [SlotKey: Int] = [:]

  /// What a slot remembers an answer to.
  private enum SlotKey: Hashable {
    case link(LinkPredicate), document(DocumentPredicate), heading([Phrase]), title([Phrase])
  }

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
    case .link(let link):
      return .link(
        LinkCheck(
          slot: slot(.link(link)), phrases: ids(link.text),
          pattern: link.url.map(patterns.index(of:)), hosts: link.hosts, regions: link.regions))
    case .document(let document):
      return .document(
        DocumentCheck(
          slot: slot(.document(document)), phrases: ids(document.text), types: document.types))
    case .embed(let embed):
      return .embed(pattern: embed.url.map(patterns.index(of:)), hosts: embed.hosts)
    case .heading(let phrases):
      return .heading(slot: slot(.heading(phrases)), phrases: ids(phrases))
    case .title(let phrases): return .title(slot: slot(.title(phrases)), phrases: ids(phrases))
    case .text(let phrases): return .text(phrases: ids(phrases))
    case .regex(let pattern): return .regex(pattern: patterns.index(of: pattern))
    case .url(let pattern): return .url(pattern: patterns.index(of: pattern))
    case .selector(let query): return .selector(key: query.key)
    case .email(let count): return .email(atLeast: count)
    case .phone(let count): return .phone(atLeast: count)
    case .dateWithin(let days): return .dateWithin(days: days)
    case .https: return .https
    }
  }

  private mutating func slot(_ key: SlotKey) -> Int {
    if let known = slots[key] { return known }
    slots[key] = slots.count
    return slots.count - 1
  }

  /// Matcher ids of phrases; the matcher was built from every phrase of the rule set.
  private func ids(_ phrases: [Phrase]) -> [Int] {
    phrases.map { phrase in
      guard let id = matcher.id(of: phrase) else {
        preconditionFailure("phrase \(phrase) missing from the rule set's matcher")
      }
      return id
    }
  }
}
