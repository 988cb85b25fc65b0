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
  /// words, byte for byte: see ``UTF8Key``), in their order.
  static func distinct<Item>(_ items: [Item], evidence: (Item) -> Evidence) -> [Item] {
    var seen = Set<Seen>()
    return items.filter { item in
      let found = evidence(item)
      return seen.insert(Seen(kind: found.kind, text: UTF8Key(found.target ?? found.snippet)))
        .inserted
    }
  }

  /// What makes two pieces of evidence one.
  private struct Seen: Hashable {
    var kind: String
    var text: UTF8Key
  }

  /// The evidence without repeats, strongest first; evidence of equal strength keeps the
  /// order it was found in.
  static func ranked<Item>(
    _ items: [Item], evidence: (Item) -> Evidence, siteKey: String
  ) -> [Item] {
    // Each item's strength once: a link's costs reading its target's address.
    distinct(items, evidence: evidence).enumerated().map { offset, item in
      (item: item, strength: strength(evidence(item), siteKey: siteKey), offset: offset)
    }.sorted { ($0.strength, $0.offset) < ($1.strength, $1.offset) }.map(\.item)
  }
}
