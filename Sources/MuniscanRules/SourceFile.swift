import Foundation

/// Reads the text of a rule set's files (rules, `ruleset.yml`, `locale.yml`, language files):
/// UTF-8 only, a problem a ``RuleError`` naming the file.
enum SourceFile {
  static func read(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RuleError(file: path, message: "cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw RuleError(file: path, message: "the file is not UTF-8")
    }
    return text
  }
}
