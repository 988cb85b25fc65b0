import MuniscanCore
import MuniscanRules

/// Decides whether a predicate holds on one page and, when it does, which evidence shows it.
struct PredicateEvaluator {
  /// Matching links or documents kept per page, so that freshness sees this year's budget even
  /// when last year's is listed first.
  static let evidencePerPage = 20

  let site: SiteContext
  let patterns: CompiledPatterns
  let asOf: Day

  /// Evidence when the predicate holds (possibly empty, for `not`), nil when it does not.
  func evaluate(_ predicate: Predicate, on page: IndexedPage) -> [Evidence]? {
    switch predicate {
    case .all(let parts):
      // Cheap parts first, so a page that lacks them never runs the regular expressions; the
      // evidence keeps the order the rule wrote.
      var found = [[Evidence]?](repeating: nil, count: parts.count)
      for index in parts.indices.sorted(by: { parts[$0].cost < parts[$1].cost }) {
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
    case .link(let link): return links(link, on: page)
    case .document(let document): return documents(document, on: page)
    case .heading(let phrases):
      return items(page.headings, phrases, page: page, kind: "heading") {
        page.facts.headings[$0].text
      }
    case .title(let phrases):
      return items(page.title, phrases, page: page, kind: "title") { _ in page.facts.title }
    case .text(let phrases): return text(phrases, on: page)
    case .regex(let pattern):
      guard let range = patterns.firstMatch(pattern, in: page.facts.text) else { return nil }
      return [evidence(page, "text", Snippet.around(range, in: page.facts.text))]
    case .url(let pattern):
      guard patterns.firstMatch(pattern, in: page.facts.url) != nil else { return nil }
      return [evidence(page, "url", page.facts.url)]
    case .selector(let query):
      guard let match = page.facts.queries[query.key], match.count > 0 else { return nil }
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

  private func items(
    _ blob: FoldedBlob, _ phrases: [Phrase], page: IndexedPage, kind: String, text: (Int) -> String
  ) -> [Evidence]? {
    for phrase in phrases {
      if let index = blob.items(matching: phrase).first {
        return [evidence(page, kind, text(index))]
      }
    }
    return nil
  }

  private func text(_ phrases: [Phrase], on page: IndexedPage) -> [Evidence]? {
    for phrase in phrases {
      guard let offset = page.text.firstMatch(of: phrase) else { continue }
      let original = page.text.originalOffset(ofMatchAt: offset) ?? 0
      return [evidence(page, "text", Snippet.around(utf8Offset: original, in: page.facts.text))]
    }
    return nil
  }

  private func links(_ predicate: LinkPredicate, on page: IndexedPage) -> [Evidence]? {
    let candidates: [Int]
    if !predicate.text.isEmpty {
      var found = Set<Int>()
      for phrase in predicate.text { found.formUnion(page.links.items(matching: phrase)) }
      candidates = found.sorted()
    } else if !predicate.hosts.isEmpty {
      candidates = page.linksByHost.filter { host, _ in
        predicate.hosts.contains { URLNormalizer.host(host, isWithin: $0) }
      }.flatMap(\.value).sorted()
    } else {
      candidates = Array(page.facts.links.indices)
    }
    var found: [Evidence] = []
    for index in candidates where found.count < Self.evidencePerPage {
      let link = page.facts.links[index]
      if !predicate.regions.isEmpty, !predicate.regions.contains(link.region) { continue }
      let host = page.linkHost(index)
      if !predicate.hosts.isEmpty,
        !predicate.hosts.contains(where: { URLNormalizer.host(host, isWithin: $0) })
      {
        continue
      }
      if let pattern = predicate.url, patterns.firstMatch(pattern, in: link.url) == nil { continue }
      let target = page.linkTarget(index)
      if site.isBroken(target, host: host) { continue }
      let text = link.text.isEmpty ? target : link.text
      found.append(evidence(page, "link", text, target: target))
    }
    return found.isEmpty ? nil : found
  }

  private func documents(_ predicate: DocumentPredicate, on page: IndexedPage) -> [Evidence]? {
    let candidates: [Int]
    if predicate.text.isEmpty {
      candidates = Array(page.facts.documents.indices)
    } else {
      var found = Set<Int>()
      for phrase in predicate.text { found.formUnion(page.documents.items(matching: phrase)) }
      candidates = found.sorted()
    }
    var found: [Evidence] = []
    for index in candidates where found.count < Self.evidencePerPage {
      let document = page.facts.documents[index]
      if !predicate.types.isEmpty, !predicate.types.contains(document.type) { continue }
      let target = URLNormalizer.normalize(document.url) ?? document.url
      if site.isBroken(target, host: URLNormalizer.siteKey(target) ?? "") { continue }
      let text = document.text.isEmpty ? IndexedPage.fileName(document.url) : document.text
      found.append(evidence(page, "document", text, target: target))
    }
    return found.isEmpty ? nil : found
  }
}

extension Predicate {
  /// Rough relative cost of evaluating the predicate on a page, for ordering `all`.
  var cost: Int {
    switch self {
    case .regex, .url: return 3
    case .all(let parts), .any(let parts): return parts.map(\.cost).max() ?? 0
    case .not(let inner): return inner.cost
    case .text, .selector: return 1
    default: return 0
    }
  }
}
