import Foundation
import MuniscanCore
import MuniscanHTML
import MuniscanRules

/// Analyses an HTML string served as UTF-8 from a page of an example municipality, with the
/// locale of a shipped rule set (the Estonian one unless told).
func analyze(
  _ html: String, url: String = "https://www.example-vald.ee/et/leht",
  headers: [String: String] = ["content-type": "text/html; charset=utf-8"],
  queries: [PageQuery] = [], ruleSet: String = "ee"
) throws -> PageFacts {
  let analyzer = try PageAnalyzer(queries: queries, locale: try ShippedLocale.of(ruleSet))
  return analyzer.analyze(PageInput(url: url, headers: headers, body: Array(html.utf8)))
}

/// The locales of the shipped rule sets, read once from the repository's files.
enum ShippedLocale {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  private static let loaded: [String: Result<PageLocale, any Error>] = Dictionary(
    uniqueKeysWithValues: ["ee", "fi-generic"].map { name in
      (
        name,
        Result {
          try RuleSetLoader.load(
            directory: repository + "/rules/" + name,
            locales: LocaleLibrary(folders: [repository + "/locales"])
          ).locale
        }
      )
    })

  static func of(_ ruleSet: String) throws -> PageLocale {
    guard let locale = loaded[ruleSet] else {
      throw RuleError(file: ruleSet, message: "not loaded")
    }
    return try locale.get()
  }
}

/// Analyses raw bytes with the given headers.
func analyze(bytes: [UInt8], headers: [String: String] = [:]) throws -> PageFacts {
  let analyzer = try PageAnalyzer()
  return analyzer.analyze(
    PageInput(url: "https://www.example-vald.ee/", headers: headers, body: bytes))
}

/// A page built around a body fragment.
func page(_ body: String, head: String = "<title>Leht</title>") -> String {
  "<!DOCTYPE html><html lang=\"et\"><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
}
