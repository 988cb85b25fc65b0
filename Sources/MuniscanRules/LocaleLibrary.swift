import Foundation
import MuniscanCore

/// The folders language files are found in, as `<folder>/<code>.yml`, the first folder that has
/// one winning: a rule set's own `locales` folder before the shipped one, so a country can be
/// added beside its rule set without touching the installation.
public struct LocaleLibrary: Sendable, Hashable {
  public var folders: [String]

  public init(folders: [String]) {
    self.folders = folders
  }

  /// The file of `language`; nil when no folder has one.
  public func path(for language: Language) -> String? {
    folders.lazy.map { $0 + "/" + language.code + ".yml" }
      .first { FileManager.default.fileExists(atPath: $0) }
  }

  /// The report words of `language`; nil when it has no file or its file no `words:`.
  /// - Throws: ``RuleError`` when its file is invalid.
  public func words(for language: Language) throws -> ReportWords? {
    try file(for: language)?.words
  }

  /// The parsed file of `language`; nil when it has none.
  func file(for language: Language) throws -> LanguageFile? {
    try path(for: language).map { try LanguageFileReader.read($0, language: language) }
  }
}
