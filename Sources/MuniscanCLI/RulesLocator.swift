import Foundation
import MuniscanRules

/// Finds the rule set to use: `--rules DIR` when given, else `rules/ee` in the working folder,
/// else the `rules/ee` shipped beside the sources this binary was built from.
enum RulesLocator {
  static let defaultName = "rules/ee"

  static func directory(_ explicit: String?) -> String {
    if let explicit { return explicit }
    if FileManager.default.fileExists(atPath: defaultName + "/ruleset.yml") { return defaultName }
    let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return sourceRoot.appendingPathComponent(defaultName).path
  }

  static func load(_ explicit: String?) throws -> RuleSet {
    do {
      return try RuleSetLoader.load(directory: directory(explicit))
    } catch let error as RuleError {
      throw MuniscanError("\(error)")
    }
  }
}
