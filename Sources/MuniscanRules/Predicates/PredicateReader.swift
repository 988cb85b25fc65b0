import MuniscanCore

/// Reads the `match` and `partial` predicates of a rule file: a combinator or one family's
/// test, each checked as it is read. A key that no family owns is always an error.
enum PredicateReader {
  static func read(_ value: YAMLValue) throws -> Predicate {
    let keys = PredicateVocabulary.keys
    let mapping = try value.mapping(allowing: keys, what: "a predicate")
    guard mapping.entries.count == 1, let (key, body) = mapping.entries.first else {
      throw value.error(
        "a predicate has exactly one key (\(keys.sorted().joined(separator: ", ")))")
    }
    switch key {
    case "all", "any":
      let parts = try body.sequence(what: "'\(key)'").map(read)
      guard !parts.isEmpty else { throw body.error("'\(key)' needs at least one predicate") }
      return key == "all" ? .all(parts) : .any(parts)
    case "not":
      return .not(try read(body))
    default:
      guard let family = PredicateVocabulary.familiesByKey[key] else {
        throw value.error("unknown predicate '\(key)'")
      }
      return .test(PredicateTest(try family.read(key: key, body)))
    }
  }

  /// A list of phrases (a single one is a list of one), each with letters or digits, a `*` only
  /// at its start or end, and `=` not with a leading `*`.
  static func phrases(_ value: YAMLValue, what: String) throws -> [Phrase] {
    let words = try value.strings(what: what)
    guard !words.isEmpty else { throw value.error("\(what) needs at least one word") }
    return try words.map { word in
      let trimmed = word.trimmingCharacters(in: .whitespaces)
      if trimmed.dropFirst().dropLast().contains("*") || trimmed.hasPrefix("=*") {
        throw value.error(
          "\(what): '\(word)' has a '*' inside; a trailing '*' matches endings, a leading '*' "
            + "compounds, and '=' (exact) takes neither at its start")
      }
      guard let phrase = Phrase(word) else {
        throw value.error("\(what): '\(word)' has no letters or digits to match")
      }
      return phrase
    }
  }

  /// Host names, lower-cased; at least one.
  static func hosts(_ value: YAMLValue, what: String) throws -> [String] {
    let hosts = try value.strings(what: what).map { $0.lowercased() }
    guard !hosts.isEmpty else { throw value.error("\(what) needs at least one host") }
    return hosts
  }

  /// A regular expression that compiles (case-insensitive, as every pattern runs).
  static func regex(_ value: YAMLValue, what: String) throws -> String {
    let pattern = try value.string(what: what)
    if let problem = CompiledPatterns.problem(with: pattern) {
      throw value.error("\(what): invalid regular expression '\(pattern)' (\(problem))")
    }
    return pattern
  }

  /// `true`, for a test that takes no value.
  static func flag(_ value: YAMLValue, _ key: String) throws {
    guard try value.bool(what: "'\(key)'") else {
      throw value.error("'\(key)' only takes true (use 'not' to negate)")
    }
  }

  /// Phrases as a rule's explanation quotes them.
  static func quoted(_ phrases: [Phrase]) -> String {
    phrases.map { "\"\($0.source)\"" }.joined(separator: ", ")
  }
}
