import Foundation
import MuniscanRules

/// Writes a rule set folder under the temporary directory for a test and removes it afterwards.
public struct TemporaryRuleSet {
  public let directory: String

  public init(_ files: [String: String]) throws {
    directory = NSTemporaryDirectory() + "muniscan-rules-" + UUID().uuidString
    for (name, text) in files {
      let path = directory + "/" + name
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
  }

  public func remove() { try? FileManager.default.removeItem(atPath: directory) }

  public static let manifest = """
    id: test
    version: "1"
    languages: [et, en]
    examples_as_of: 2026-11-20
    areas:
      - id: council
        title: { et: Volikogu, en: Council }
    """

  /// A `locale.yml`: English pages, dotted and ISO dates, Estonian phones.
  public static let locale = """
    page_languages: [en]
    numeric_dates: [d.m.y, y-m-d]
    phones:
      country_code: "372"
      national_numbers: [{ digits: 7, starts: "345678" }]
    """

  /// The repository's `locales` folder, where the shipped language files are.
  public static let locales = LocaleLibrary(folders: [
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("locales").path
  ])

  public static func rule(_ body: String) -> String {
    """
    rules:
      - id: council.minutes
        area: council
        weight: 2
        title: { et: Protokollid, en: Minutes }
        advice: { et: Avalda protokollid., en: Publish the minutes. }
    \(body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
    """
  }
}
