import MuniscanCore
import MuniscanHTML

/// A test on one page (or, for `https`, on the site) that yields evidence when it holds. Rules
/// combine predicates with `all`, `any` and `not`.
public indirect enum Predicate: Sendable, Hashable {
  case all([Predicate])
  case any([Predicate])
  case not(Predicate)
  /// A link whose text holds one of the phrases and whose target fits the optional constraints.
  case link(LinkPredicate)
  /// A link to a document (pdf, doc, …) whose text or file name holds one of the phrases.
  case document(DocumentPredicate)
  /// Embedded content (iframe, embed, object, video or audio source) from a host or address:
  /// a council's video player, a map, a register shown inside the page.
  case embed(EmbedPredicate)
  case heading([Phrase])
  case title([Phrase])
  /// Phrases anywhere in the visible text: weak evidence, best inside `all` or `partial`.
  case text([Phrase])
  /// A regular expression on the visible text (case-insensitive).
  case regex(String)
  /// A regular expression on the page URL.
  case url(String)
  case selector(PageQuery)
  /// At least this many distinct e-mail addresses on the page.
  case email(atLeast: Int)
  /// At least this many distinct Estonian phone numbers on the page.
  case phone(atLeast: Int)
  /// A date in the page within the last N days of the audit date.
  case dateWithin(days: Int)
  /// The site is served over HTTPS and plain HTTP redirects to it.
  case https

  /// Every selector or XPath query the predicate needs run during parsing.
  public var queries: [PageQuery] {
    switch self {
    case .all(let parts), .any(let parts): return parts.flatMap(\.queries)
    case .not(let inner): return inner.queries
    case .selector(let query): return [query]
    default: return []
    }
  }
}

/// Constraints on a link for `Predicate.link`.
public struct LinkPredicate: Sendable, Hashable {
  /// Phrases of which the link text must hold one; empty means any text.
  public var text: [Phrase]
  /// Regular expression the target URL must match.
  public var url: String?
  /// Host names (or their parent domains) the target must be on, e.g. `riigiteataja.ee`.
  public var hosts: [String]
  /// Regions the link must sit in; empty means anywhere.
  public var regions: [PageRegion]

  public init(
    text: [Phrase] = [], url: String? = nil, hosts: [String] = [], regions: [PageRegion] = []
  ) {
    self.text = text
    self.url = url
    self.hosts = hosts
    self.regions = regions
  }
}

/// Constraints on a document link for `Predicate.document`.
public struct DocumentPredicate: Sendable, Hashable {
  public var text: [Phrase]
  /// File types accepted; empty means any document type.
  public var types: [String]

  public init(text: [Phrase] = [], types: [String] = []) {
    self.text = text
    self.types = types
  }
}

/// Constraints on embedded content for `Predicate.embed`; at least one is set.
public struct EmbedPredicate: Sendable, Hashable {
  /// Regular expression the embedded address must match.
  public var url: String?
  /// Host names (or their parent domains) the embedded address must be on.
  public var hosts: [String]

  public init(url: String? = nil, hosts: [String] = []) {
    self.url = url
    self.hosts = hosts
  }
}
