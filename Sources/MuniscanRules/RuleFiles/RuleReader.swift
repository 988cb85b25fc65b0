import MuniscanCore

/// Reads one rule from its YAML mapping, strictly.
enum RuleReader {
  static let keys: Set<String> = [
    "id", "area", "weight", "title", "advice", "basis", "scope", "standing", "match", "partial",
    "fresh", "examples",
  ]

  static let defaultExampleURL = "https://www.example.ee/"

  /// Whether `id` looks like `area.name`: lower-case letters and digits, then one or more parts
  /// after dots that may also hold hyphens (`^[a-z0-9]+(\.[a-z0-9-]+)+$`).
  static func isWellFormed(id: String) -> Bool {
    let parts = id.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count >= 2 else { return false }
    return parts.enumerated().allSatisfy { index, part in
      !part.isEmpty
        && part.allSatisfy { byte in
          (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (index > 0 && byte == UInt8(ascii: "-"))
        }
    }
  }

  /// The rule `value` describes, its title and advice written in exactly `languages`.
  static func read(_ value: YAMLValue, languages: [Language]) throws -> Rule {
    let map = try value.mapping(allowing: keys, what: "a rule")
    let id = try map.required("id").string(what: "'id'")
    guard isWellFormed(id: id) else {
      throw try map.required("id").error("rule id '\(id)' must look like 'area.name' (lower case)")
    }
    let weightValue = try map.required("weight")
    let weight = try weightValue.double(what: "'weight'")
    guard weight >= 0, weight <= 100 else {
      throw weightValue.error("'weight' must be between 0 and 100")
    }
    let fresh = try map["fresh"].map(freshness)
    return Rule(
      id: id,
      area: try map.required("area").string(what: "'area'"),
      weight: weight,
      title: try localized(try map.required("title"), what: "'title'", languages: languages),
      advice: try localized(try map.required("advice"), what: "'advice'", languages: languages),
      basis: try map["basis"]?.string(what: "'basis'") ?? "",
      scope: try map["scope"].map(scope) ?? .site,
      match: try PredicateReader.read(try map.required("match")),
      partial: try map["partial"].map(PredicateReader.read),
      freshness: fresh?.window,
      examples: try map["examples"].map(examples) ?? [],
      location: value.location,
      standing: try map["standing"]?.bool(what: "'standing'") ?? false,
      liveHosts: fresh?.live ?? []
    )
  }

  /// A text in each of `languages` and no other.
  static func localized(_ value: YAMLValue, what: String, languages: [Language]) throws
    -> LocalizedText
  {
    let map = try value.mapping(allowing: Set(languages.map(\.code)), what: what)
    var texts: [Language: String] = [:]
    for language in languages {
      texts[language] = try map.required(language.code).string(what: "\(what).\(language)")
    }
    return LocalizedText(texts)
  }

  private static func scope(_ value: YAMLValue) throws -> RuleScope {
    if case .scalar = value.node {
      switch try value.string(what: "'scope'") {
      case "site": return .site
      case "home": return .home
      case let other: throw value.error("unknown scope '\(other)' (site, home, or {depth: N})")
      }
    }
    let map = try value.mapping(allowing: ["depth"], what: "'scope'")
    let depthValue = try map.required("depth")
    let depth = try depthValue.int(what: "'scope.depth'")
    guard depth >= 0 else { throw depthValue.error("'scope.depth' must be 0 or more") }
    return .depth(depth)
  }

  /// `fresh`: how recent evidence must be, and the hosts whose undated links are current
  /// (`live`).
  private static func freshness(_ value: YAMLValue) throws -> (window: Freshness, live: [String]) {
    let map = try value.mapping(allowing: ["days", "years", "running", "live"], what: "'fresh'")
    let live = try map["live"].map { try PredicateReader.hosts($0, what: "'fresh.live'") } ?? []
    return (try window(map, value), live)
  }

  /// The one of `days`, `years` or `running` that `fresh` gives.
  private static func window(_ map: YAMLMapping, _ value: YAMLValue) throws -> Freshness {
    guard [map["days"], map["years"], map["running"]].compactMap({ $0 }).count == 1 else {
      throw value.error("'fresh' takes one of days, years or running")
    }
    if let running = map["running"] {
      guard try running.bool(what: "'fresh.running'") else {
        throw running.error("'fresh.running' only takes true")
      }
      return .running
    }
    if let days = map["days"] {
      let count = try days.int(what: "'fresh.days'")
      guard count > 0 else { throw days.error("'fresh.days' must be positive") }
      return .days(count)
    }
    let years = try map.required("years")
    let count = try years.int(what: "'fresh.years'")
    guard count >= 0 else { throw years.error("'fresh.years' must be 0 or more") }
    return .years(count)
  }

  private static func examples(_ value: YAMLValue) throws -> [RuleExample] {
    let map = try value.mapping(allowing: ["pass", "partial", "fail"], what: "'examples'")
    var result: [RuleExample] = []
    for (key, list) in map.entries {
      let expected = FindingStatus(rawValue: key)!
      for item in try list.sequence(what: "'examples.\(key)'") {
        if case .scalar = item.node {
          let html = try item.string(what: "an example")
          result.append(
            RuleExample(
              expected: expected, html: html, url: defaultExampleURL, location: item.location))
        } else {
          let fields = try item.mapping(allowing: ["html", "url"], what: "an example")
          result.append(
            RuleExample(
              expected: expected,
              html: try fields.required("html").string(what: "'html'"),
              url: try fields["url"]?.string(what: "'url'") ?? defaultExampleURL,
              location: item.location))
        }
      }
    }
    return result
  }
}
