import MuniscanCore

/// The fixed words of human-readable reports in each report language.
enum Words {
  static func status(_ status: FindingStatus, _ language: Language) -> String {
    switch (status, language) {
    case (.pass, .en): return "PASS"
    case (.partial, .en): return "PARTIAL"
    case (.fail, .en): return "FAIL"
    case (.unknown, .en): return "UNKNOWN"
    case (.pass, .et): return "OK"
    case (.partial, .et): return "OSALINE"
    case (.fail, .et): return "PUUDUB"
    case (.unknown, .et): return "TEADMATA"
    }
  }

  static let texts: [String: LocalizedText] = [
    "total": LocalizedText(et: "Koondhinne", en: "Total"),
    "rank": LocalizedText(et: "Koht", en: "Rank"),
    "site": LocalizedText(et: "Omavalitsus", en: "Site"),
    "pages": LocalizedText(et: "lehte", en: "pages"),
    "ruleset": LocalizedText(et: "Reeglistik", en: "Rule set"),
    "asOf": LocalizedText(et: "auditi kuupäev", en: "audit date"),
    "area": LocalizedText(et: "Valdkond", en: "Area"),
    "score": LocalizedText(et: "Hinne", en: "Score"),
    "unreachable": LocalizedText(et: "ei vasta", en: "unreachable"),
    "todo": LocalizedText(et: "Mida parandada", en: "What to fix"),
    "evidence": LocalizedText(et: "tõend", en: "evidence"),
    "criteria": LocalizedText(et: "Kriteeriumid", en: "Criteria"),
  ]

  static func text(_ key: String, _ language: Language) -> String {
    texts[key]?[language] ?? key
  }
}
