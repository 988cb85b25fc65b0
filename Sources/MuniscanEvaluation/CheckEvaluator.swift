import MuniscanCore
import MuniscanRules

/// Decides whether a compiled check holds on one page and, when it does, which evidence shows it.
struct CheckEvaluator {
  /// Matching links or documents kept per page, so that freshness sees this year's budget even
  /// when last year's is listed first.
  static let evidencePerPage = 20

  let site: SiteContext
  let asOf: Day

  private var patterns: CompiledPatterns { site.plan.patterns }

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
    case .link(let link):
      return items(
        "link", site.selection(for: link), in: site.links, targets: site.linkTargets, on: page
      ) { link, target in Self.inRow(link.text.isEmpty ? target : link.text, link.context) }
    case .document(let document):
      return items(
        "document", site.selection(for: document), in: site.documents,
        targets: site.documentTargets, on: page
      ) { document, _ in
        Self.inRow(
          document.text.isEmpty ? IndexedPage.fileName(document.url) : document.text,
          document.context)
      }
    case .embed(let pattern, let hosts): return embeds(pattern: pattern, hosts: hosts, on: page)
    case .heading(let slot, let phrases):
      let selection = site.headingSelection(slot: slot, phrases: phrases)
      guard let id = best(selection, among: site.headings.idsByPage[page.index], page: page) else {
        return nil
      }
      return [evidence(page, "heading", site.headings.items[id])]
    case .title(let slot, let phrases):
      guard site.titleSelection(slot: slot, phrases: phrases).pages[page.index] else { return nil }
      return [evidence(page, "title", page.facts.title)]
    case .text(let phrases): return text(phrases, on: page)
    case .regex(let pattern):
      guard
        let range = patterns.firstMatch(
          pattern, in: page.facts.text, lowercased: { page.lowercasedText })
      else { return nil }
      return [evidence(page, "text", Snippet.around(range, in: page.facts.text))]
    case .url(let pattern):
      guard page.urlMatches(pattern, in: patterns) else { return nil }
      return [evidence(page, "url", page.facts.url)]
    case .selector(let key):
      guard let match = page.facts.queries[key], match.count > 0 else { return nil }
      return [evidence(page, "selector", match.snippet)]
    case .email(let count):
      guard Set(page.facts.emails).count >= count else { return nil }
      return [evidence(page, "email", page.facts.emails.prefix(count).joined(separator: ", "))]
    case .phone(let count):
      guard Set(page.facts.phones).count >= count else { return nil }
      return [evidence(page, "phone", page.facts.phones.prefix(count).joined(separator: ", "))]
    case .dateWithin(let days):
      let recent = page.days.filter { $0 <= asOf && $0.days(until: asOf) <= days }.max()
      return recent.map {
        [Evidence(url: page.facts.url, kind: "date", snippet: $0.description, date: $0)]
      }
    case .https:
      let facts = site.crawl.https
      guard facts.servedOverHTTPS, facts.httpRedirectsToHTTPS == true else { return nil }
      let url = site.crawl.finalURL ?? site.crawl.site.url
      return [
        Evidence(
          url: url, kind: "https", snippet: "served over HTTPS; http:// redirects to https://")
      ]
    }
  }

  private func evidence(
    _ page: IndexedPage, _ kind: String, _ snippet: String, target: String? = nil
  ) -> Evidence {
    Evidence(url: page.facts.url, kind: kind, snippet: Snippet.shorten(snippet), target: target)
  }

  /// The page's passing item with the lowest rank, the first in page order among equals.
  private func best(_ selection: Selection, among ids: [Int32], page: IndexedPage) -> Int? {
    guard selection.pages[page.index] else { return nil }
    var best: (id: Int, rank: Int32)?
    for id in ids {
      let rank = selection.ranks[Int(id)]
      if rank < (best?.rank ?? Selection.fails) { best = (Int(id), rank) }
    }
    return best?.id
  }

  /// The first phrase the page's prose holds: its text outside links. A link is structure,
  /// which `link` checks judge (a menu item to a missing page, a headline leading to a news
  /// story); `text` is what the page says in words.
  private func text(_ phrases: [Int], on page: IndexedPage) -> [Evidence]? {
    for phrase in phrases {
      guard let occurrence = page.textOccurrences[phrase],
        occurrence.count > links(holding: phrase, on: page)
      else { continue }
      let snippet = Snippet.around(utf8Offset: occurrence.first, in: page.facts.text)
      return [evidence(page, "text", snippet)]
    }
    return nil
  }

  /// How many of the page's links have `phrase` in their text.
  private func links(holding phrase: Int, on page: IndexedPage) -> Int {
    let holding = site.linksHolding(phrase: phrase)
    return site.links.idsByPage[page.index].reduce(0) { $0 + (holding[Int($1)] ? 1 : 0) }
  }

  /// The page's passing items of `table` (in page order, at most `evidencePerPage`), shown by
  /// `shown` from the item and its normalised target.
  private func items<Item>(
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
  private static func inRow(_ text: String, _ row: String?) -> String {
    guard let row else { return text }
    return row.contains(text) ? row : text + " — " + row
  }

  private func embeds(pattern: Int?, hosts: [String], on page: IndexedPage) -> [Evidence]? {
    let found = page.facts.embeds.filter { url in
      if !hosts.isEmpty {
        let host = URLNormalizer.siteKey(url) ?? ""
        guard hosts.contains(where: { URLNormalizer.host(host, isWithin: $0) }) else {
          return false
        }
      }
      return pattern.map { patterns.matches($0, in: url) } ?? true
    }
    guard !found.isEmpty else { return nil }
    return found.prefix(Self.evidencePerPage).map { evidence(page, "embed", $0, target: $0) }
  }
}
