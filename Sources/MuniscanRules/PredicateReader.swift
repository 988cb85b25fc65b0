import Foundation
import MuniscanCore
import MuniscanHTML

/// Reads the `match` and `partial` predicates of a rule file, checking every regular expression
/// and selector as it goes.
enum PredicateReader {
  static let keys: Set<String> = [
    "all", "any", "not", "link", "document", "embed", "heading", "title", "text", "regex", "url",
    "selector", "xpath", "email", "phone", "date_within", "https",
  ]

  static func read(_ value: YAMLValue) throws -> Predicate {
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
    case "not": return .not(try read(body))
    case "link": return .link(try link(body))
    case "document": return .document(try document(body))
    case "embed": return .embed(try embed(body))
    case "heading": return .heading(try phrases(body, what: "'heading'"))
    case "title": return .title(try phrases(body, what: "'title'"))
    case "text": return .text(try phrases(body, what: "'text'"))
    case "regex": return .regex(try regex(body, what: "'regex'"))
    case "url": return .url(try regex(body, what: "'url'"))
    case "selector": return .selector(try query(.css(try body.string(what: "'selector'")), body))
    case "xpath": return .selector(try query(.xpath(try body.string(what: "'xpath'")), body))
    case "email": return .email(atLeast: try count(body, key))
    case "phone": return .phone(atLeast: try count(body, key))
    case "https": return try flag(body, key, .https)
    default:
      let days = try body.int(what: "'date_within'")
      guard days > 0 else { throw body.error("'date_within' must be a positive number of days") }
      return .dateWithin(days: days)
    }
  }

  static func phrases(_ value: YAMLValue, what: String) throws -> [Phrase] {
    let words = try value.strings(what: what)
    guard !words.isEmpty else { throw value.error("\(what) needs at least one word") }
    return try words.map { word in
      if word.dropLast().contains("*") {
        throw value.error(
          "\(what): '\(word)' has a '*' before its end; only a trailing '*' matches endings")
      }
      guard let phrase = Phrase(word) else {
        throw value.error("\(what): '\(word)' has no letters or digits to match")
      }
      return phrase
    }
  }

  private static func link(_ value: YAMLValue) throws -> LinkPredicate {
    if case .sequence = value.node {
      return LinkPredicate(text: try phrases(value, what: "'link'"))
    }
    let map = try value.mapping(allowing: ["text", "url", "host", "region"], what: "'link'")
    var result = LinkPredicate()
    if let text = map["text"] { result.text = try phrases(text, what: "'link.text'") }
    if let url = map["url"] { result.url = try regex(url, what: "'link.url'") }
    if let host = map["host"] { result.hosts = try hosts(host, what: "'link.host'") }
    if let region = map["region"] {
      result.regions = try region.strings(what: "'link.region'").map { name in
        guard let region = PageRegion(rawValue: name) else {
          throw region.error("unknown region '\(name)' (nav, header, footer, main, aside, body)")
        }
        return region
      }
    }
    guard !result.text.isEmpty || result.url != nil || !result.hosts.isEmpty else {
      throw value.error("'link' needs at least one of text, url or host")
    }
    return result
  }

  private static func embed(_ value: YAMLValue) throws -> EmbedPredicate {
    if case .sequence = value.node {
      return EmbedPredicate(hosts: try hosts(value, what: "'embed'"))
    }
    let map = try value.mapping(allowing: ["url", "host"], what: "'embed'")
    var result = EmbedPredicate()
    if let url = map["url"] { result.url = try regex(url, what: "'embed.url'") }
    if let host = map["host"] { result.hosts = try hosts(host, what: "'embed.host'") }
    guard result.url != nil || !result.hosts.isEmpty else {
      throw value.error("'embed' needs a url or a host")
    }
    return result
  }

  private static func hosts(_ value: YAMLValue, what: String) throws -> [String] {
    let hosts = try value.strings(what: what).map { $0.lowercased() }
    guard !hosts.isEmpty else { throw value.error("\(what) needs at least one host") }
    return hosts
  }

  private static func document(_ value: YAMLValue) throws -> DocumentPredicate {
    if case .sequence = value.node {
      return DocumentPredicate(text: try phrases(value, what: "'document'"))
    }
    let map = try value.mapping(allowing: ["text", "type"], what: "'document'")
    var result = DocumentPredicate()
    if let text = map["text"] { result.text = try phrases(text, what: "'document.text'") }
    if let type = map["type"] {
      result.types = try type.strings(what: "'document.type'").map { $0.lowercased() }
    }
    return result
  }

  private static func regex(_ value: YAMLValue, what: String) throws -> String {
    let pattern = try value.string(what: what)
    do {
      _ = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    } catch {
      throw value.error("\(what): invalid regular expression '\(pattern)'")
    }
    return pattern
  }

  private static func query(_ query: PageQuery, _ value: YAMLValue) throws -> PageQuery {
    do {
      try query.validate()
    } catch {
      throw value.error("\(error)")
    }
    return query
  }

  /// `true` (at least one) or a whole number ≥ 1.
  private static func count(_ value: YAMLValue, _ key: String) throws -> Int {
    if let number = value.node.int, case .scalar = value.node {
      guard number >= 1 else { throw value.error("'\(key)' takes true or a count of at least 1") }
      return number
    }
    guard try value.bool(what: "'\(key)'") else {
      throw value.error("'\(key)' only takes true or a count (use 'not' to negate)")
    }
    return 1
  }

  private static func flag(_ value: YAMLValue, _ key: String, _ predicate: Predicate) throws
    -> Predicate
  {
    guard try value.bool(what: "'\(key)'") else {
      throw value.error("'\(key)' only takes true (use 'not' to negate)")
    }
    return predicate
  }
}
