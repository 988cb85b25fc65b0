import MuniscanCore

/// Orders a finding's evidence strongest first, as an auditor weighs it, and drops repeats (the
/// same menu link on every page): an official system or a document first, then a page that is
/// about the thing (its title or main heading), a link whose text names it or a sentence saying
/// where an official system keeps it, a heading, and last a mention in the text.
enum EvidenceRanking {
  /// The strength of one piece of evidence on `site`: lower is stronger.
  static func strength(_ evidence: Evidence, siteKey: String) -> Int {
    switch evidence.kind {
    case "document", "embed": return 0
    case "link":
      let host = evidence.target.flatMap(URLNormalizer.siteKey) ?? siteKey
      return host == siteKey ? 2 : 0
    case "title", "page", "https": return 1
    case "statement": return 2
    case "heading": return 3
    default: return 4
    }
  }

  /// The items without repeated evidence (the same kind of evidence of the same target or
  /// words), in their order.
  static func distinct<Item>(_ items: [Item], evidence: (Item) -> Evidence) -> [Item] {
    var seen = Set<String>()
    return items.filter { item in
      let found = evidence(item)
      return seen.insert(found.kind + "\u{1F}" + (found.target ?? found.snippet)).inserted
    }
  }

  /// The evidence without repeats, strongest first; evidence of equal strength keeps the
  /// order it was found in.
  static func ranked<Item>(
    _ items: [Item], evidence: (Item) -> Evidence, siteKey: String
  ) -> [Item] {
    distinct(items, evidence: evidence).enumerated().sorted { left, right in
      let (a, b) = (
        strength(evidence(left.element), siteKey: siteKey),
        strength(evidence(right.element), siteKey: siteKey)
      )
      return a != b ? a < b : left.offset < right.offset
    }.map(\.element)
  }
}
