import Yams

/// A YAML node with the file it came from, read strictly: every accessor throws a `RuleError`
/// with file, line and column, and `mapping(allowing:)` rejects keys the format does not know.
///
/// Documents are composed with Yams' basic resolver, which tags every plain scalar as text: the
/// accessors below decide what a number or a boolean is. (The default resolver compiles seven
/// `NSRegularExpression`s, which loads ICU and its tables into every run: 3 MB of memory that a
/// crawl of a thousand sites then holds to its end.)
struct YAMLValue {
  let node: Node
  let file: String

  /// Parses a whole YAML document; an empty document is an error, and so is one past
  /// ``YAMLLimits`` (nested aliases, deep nesting).
  static func parse(_ text: String, file: String) throws -> YAMLValue {
    do {
      try YAMLLimits.check(text, file: file)
      guard let node = try Yams.compose(yaml: text, Resolver.basic) else {
        throw RuleError(file: file, line: 1, column: 1, message: "the file is empty")
      }
      return YAMLValue(node: node, file: file)
    } catch let error as YamlError {
      throw Self.ruleError(error, file: file)
    }
  }

  var location: SourceLocation {
    SourceLocation(file: file, line: (node.mark?.line ?? 0), column: (node.mark?.column ?? 0))
  }

  func error(_ message: String) -> RuleError {
    RuleError(
      file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: message)
  }

  /// The mapping's entries by key, after checking every key is one of `allowed`.
  func mapping(allowing allowed: Set<String>, what: String) throws -> YAMLMapping {
    guard case .mapping(let mapping) = node else { throw error("\(what) must be a mapping") }
    var entries: [(key: String, value: YAMLValue)] = []
    for (key, value) in mapping {
      let keyValue = YAMLValue(node: key, file: file)
      guard let name = key.scalar?.string else {
        throw keyValue.error("keys must be plain strings")
      }
      guard allowed.contains(name) else {
        let known = allowed.sorted().joined(separator: ", ")
        throw keyValue.error("unknown key '\(name)' in \(what) (known: \(known))")
      }
      entries.append((name, YAMLValue(node: value, file: file)))
    }
    return YAMLMapping(entries: entries, owner: self, what: what)
  }

  func sequence(what: String) throws -> [YAMLValue] {
    guard case .sequence(let sequence) = node else { throw error("\(what) must be a list") }
    return sequence.map { YAMLValue(node: $0, file: file) }
  }

  func string(what: String) throws -> String {
    guard case .scalar(let scalar) = node else { throw error("\(what) must be a text value") }
    return scalar.string
  }

  func double(what: String) throws -> Double {
    guard let value = node.float, case .scalar = node else {
      throw error("\(what) must be a number")
    }
    return value
  }

  func int(what: String) throws -> Int {
    guard let value = node.int, case .scalar = node else {
      throw error("\(what) must be a whole number")
    }
    return value
  }

  /// A plain (unquoted) boolean in one of the spellings of YAML 1.1 that Yams' default resolver
  /// took for one: `true`, `yes`, `on` and their opposites, in lower case, capitalised or upper
  /// case.
  func bool(what: String) throws -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else {
      throw error("\(what) must be true or false")
    }
    switch scalar.string {
    case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
    case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
    default: throw error("\(what) must be true or false")
    }
  }

  /// A list of strings; a single string is accepted as a list of one.
  func strings(what: String) throws -> [String] {
    if case .scalar = node { return [try string(what: what)] }
    return try sequence(what: what).map { try $0.string(what: what) }
  }

  private static func ruleError(_ error: YamlError, file: String) -> RuleError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return RuleError(
        file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, _):
      return RuleError(file: file, message: "duplicate keys: \(duplicates.joined(separator: ", "))")
    default:
      return RuleError(file: file, message: "invalid YAML: \(error)")
    }
  }
}

/// The checked entries of a YAML mapping, looked up by key.
struct YAMLMapping {
  let entries: [(key: String, value: YAMLValue)]
  let owner: YAMLValue
  let what: String

  subscript(key: String) -> YAMLValue? { entries.first { $0.key == key }?.value }

  func required(_ key: String) throws -> YAMLValue {
    guard let value = self[key] else { throw owner.error("\(what) needs '\(key)'") }
    return value
  }

  var keys: [String] { entries.map(\.key) }
}
