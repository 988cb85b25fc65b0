/// Predicates in words, for `muniscan rules explain`.
extension Predicate: CustomStringConvertible {
  public var description: String { lines(indent: "").joined(separator: "\n") }

  public func lines(indent: String) -> [String] {
    func words(_ phrases: [Phrase]) -> String {
      phrases.map { "\"\($0.source)\"" }.joined(separator: ", ")
    }
    switch self {
    case .all(let parts):
      return [indent + "all of:"] + parts.flatMap { $0.lines(indent: indent + "  ") }
    case .any(let parts):
      return [indent + "any of:"] + parts.flatMap { $0.lines(indent: indent + "  ") }
    case .not(let inner):
      return [indent + "not:"] + inner.lines(indent: indent + "  ")
    case .link(let link):
      var parts: [String] = []
      if !link.text.isEmpty { parts.append("text with \(words(link.text))") }
      if let url = link.url { parts.append("target matching /\(url)/") }
      if !link.hosts.isEmpty { parts.append("target on \(link.hosts.joined(separator: ", "))") }
      if !link.regions.isEmpty {
        parts.append("in \(link.regions.map(\.rawValue).joined(separator: ", "))")
      }
      return [indent + "a link " + parts.joined(separator: "; ")]
    case .document(let document):
      let types = document.types.isEmpty ? "document" : document.types.joined(separator: "/")
      let text = document.text.isEmpty ? "" : " named with \(words(document.text))"
      return [indent + "a \(types) link\(text)"]
    case .embed(let embed):
      var parts: [String] = []
      if !embed.hosts.isEmpty { parts.append("from \(embed.hosts.joined(separator: ", "))") }
      if let url = embed.url { parts.append("with an address matching /\(url)/") }
      return [indent + "embedded content (iframe, video, …) " + parts.joined(separator: "; ")]
    case .heading(let phrases): return [indent + "a heading with \(words(phrases))"]
    case .title(let phrases): return [indent + "a page title with \(words(phrases))"]
    case .text(let phrases): return [indent + "page text with \(words(phrases))"]
    case .regex(let pattern): return [indent + "page text matching /\(pattern)/"]
    case .url(let pattern): return [indent + "a page URL matching /\(pattern)/"]
    case .selector(let query): return [indent + "an element matching \(query.key)"]
    case .email(let count):
      return [indent + (count == 1 ? "an e-mail address" : "at least \(count) e-mail addresses")]
    case .phone(let count):
      return [indent + (count == 1 ? "a phone number" : "at least \(count) phone numbers")]
    case .dateWithin(let days): return [indent + "a date within \(days) days"]
    case .https: return [indent + "served over HTTPS, with http:// redirecting to it"]
    }
  }
}
