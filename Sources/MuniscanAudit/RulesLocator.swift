import Foundation
import MuniscanHTML
import MuniscanRules

/// Finds the rule set to use: the folder given, else `rules/ee` in the working folder, else
/// the `rules/ee` that ships with the program — found from the executable's own location,
/// beside it in `share/muniscan/` of an installation, or in the checkout it was built in.
public enum RulesLocator {
  public static let defaultName = "rules/ee"

  public static func directory(_ explicit: String?) -> String {
    if let explicit { return explicit }
    if isRuleSet(defaultName) { return defaultName }
    var folder = executableFolder()
    while folder.path != "/" {
      for candidate in ["share/muniscan/" + defaultName, defaultName] {
        let path = folder.appendingPathComponent(candidate).path
        if isRuleSet(path) { return path }
      }
      folder.deleteLastPathComponent()
    }
    return defaultName
  }

  /// The rule set `explicit` names, or the default one, with every page query checked by the
  /// parser that will run it; a rule file's error in one line naming its file, line and column.
  public static func load(_ explicit: String?) throws -> RuleSet {
    let ruleSet: RuleSet
    do {
      ruleSet = try RuleSetLoader.load(directory: directory(explicit))
    } catch let error as RuleError {
      throw MuniscanError("\(error)")
    }
    for located in ruleSet.queries {
      do {
        try located.query.validate()
      } catch {
        throw MuniscanError("\(located.location): \(error)")
      }
    }
    return ruleSet
  }

  private static func isRuleSet(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path + "/ruleset.yml")
  }

  private static func executableFolder() -> URL {
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    return executable.resolvingSymlinksInPath().deletingLastPathComponent()
  }
}
