/// A report language; every human-readable string exists in each.
public enum Language: String, Sendable, Codable, CaseIterable {
  case et, en
}

/// Text in Estonian and English, as rule titles and advice are written.
public struct LocalizedText: Sendable, Codable, Hashable {
  public var et: String
  public var en: String

  public init(et: String, en: String) {
    self.et = et
    self.en = en
  }

  public subscript(language: Language) -> String {
    switch language {
    case .et: return et
    case .en: return en
    }
  }
}
