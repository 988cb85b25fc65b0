import MuniscanCore

/// Decides whether a compiled check holds on one page of a site and, when it does, which
/// evidence shows it: the combinators here, each test by its own family, with the helpers the
/// families share.
struct PageJudge {
  /// Matching links or documents kept per page, so that freshness sees this year's budget even
  /// when last year's is listed first.
  static let evidencePerPage = 20

  let site: SiteContext
  let asOf: Day

  var patterns: CompiledPatterns { site.plan.patterns }

  /// Evidence when the check holds (possibly empty, for `not`), nil when it does not.
  func evaluate(_ check: Check, on page: IndexedPage) -> [Evidence]? {
    switch check {
    case .all(let parts, let order):
      var found = [[Evidence]?](repeating: nil, count: parts.count)
      for index in order {
        guard let evidence = evaluate(parts[index], on: page) else { return nil }
        found[index] = evidence
      }
      return found.flatMap { $0 ?? [] }
    case .any(let parts):
      for part in parts {
        if let found = evaluate(part, on: page) { return found }
      }
      return nil
    case .not(let inner):
      return evaluate(inner, on: page) == nil ? [] : nil
    case .test(let test):
      return test.evaluate(on: page, self)
    }
  }

  /// Evidence found on `page`, its snippet shortened for showing.
  func evidence(
    _ page: IndexedPage, _ kind: String, _ snippet: String, target: String? = nil
  ) -> Evidence {
    Evidence(url: page.facts.url, kind: kind, snippet: Snippet.shorten(snippet), target: target)
  }

  /// The page's passing item with the lowest rank, the first in page order among equals.
  func best(_ selection: Selection, among ids: [Int32], page: IndexedPage) -> Int? {
    guard selection.pages[page.index] else { return nil }
    var best: (id: Int, rank: Int32)?
    for id in ids {
      let rank = selection.ranks[Int(id)]
      if rank < (best?.rank ?? Selection.fails) { best = (Int(id), rank) }
    }
    return best?.id
  }

  /// The page's passing items of `table` (in page order, at most `evidencePerPage`), shown by
  /// `shown` from the item and its normalised target.
  func items<Item>(
    _ kind: String, _ selection: Selection, in table: ItemTable<Item>, targets: LinkTargets,
    on page: IndexedPage, shown: (Item, String) -> String
  ) -> [Evidence]? {
    guard selection.pages[page.index] else { return nil }
    var found: [Evidence] = []
    for id in table.idsByPage[page.index] where selection.ranks[Int(id)] != Selection.fails {
      let target = targets.target(Int(id))
      found.append(evidence(page, kind, shown(table.items[Int(id)], target), target: target))
      if found.count == Self.evidencePerPage { break }
    }
    return found
  }

  /// A link's text as evidence shows it: with its table row (which may give its date), or
  /// the row alone when it holds the text.
  static func inRow(_ text: String, _ row: String?) -> String {
    guard let row else { return text }
    return row.contains(text) ? row : text + " — " + row
  }
}
