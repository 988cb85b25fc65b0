import Foundation
import MuniscanHTML
import MuniscanRules

/// Finds the rule set to use — the folder given, else the shipped `rules/ee` (see
/// ``ShippedData``) — and the language files it is read with: a `locales` folder beside the rule
/// set (in it or a folder above it) before the shipped `locales`.
public enum RulesLocator {
  public static let defaultName = "rules/ee"
  static let localesName = "locales"

  public static func directory(_ explicit: String?) -> String {
    if let explicit { return explicit }
    return ShippedData.find(defaultName, where: isRuleSet) ?? defaultName
  }

  /// The rule set `explicit` names, or the default one, with every page query checked by the
  /// parser that will run it; a rule file's error in one line naming its file, line and column.
  public static func load(_ explicit: String?) throws -> RuleSet {
    let folder = directory(explicit)
    let ruleSet: RuleSet
    do {
      ruleSet = try RuleSetLoader.load(directory: folder, locales: locales(for: folder))
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

  /// Where the language files of the rule set in `folder` are found (without a folder, the
  /// shipped ones only).
  public static func locales(for folder: String?) -> LocaleLibrary {
    var folders: [String] = []
    if let folder {
      var above = URL(fileURLWithPath: folder).standardizedFileURL
      while above.path != "/" {
        let candidate = above.appendingPathComponent(localesName).path
        if ShippedData.isDirectory(candidate) {
          folders.append(candidate)
          break
        }
        above.deleteLastPathComponent()
      }
    }
    if let shipped = ShippedData.find(localesName, where: ShippedData.isDirectory) {
      let path = URL(fileURLWithPath: shipped).standardizedFileURL.path
      if !folders.contains(path) { folders.append(path) }
    }
    return LocaleLibrary(folders: folders)
  }

  private static func isRuleSet(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path + "/ruleset.yml")
  }
}
