/// A verdict on one criterion for one site.
public enum FindingStatus: String, Sendable, Codable, Hashable, CaseIterable {
  case pass, partial, fail
  /// The site could not be crawled well enough to judge.
  case unknown

  /// Share of the criterion's weight the verdict earns.
  public var credit: Double {
    switch self {
    case .pass: return 1
    case .partial: return 0.5
    case .fail, .unknown: return 0
    }
  }
}

/// Where and how a verdict's evidence was found, so every finding can be checked by a person.
public struct Evidence: Sendable, Codable, Hashable {
  /// The page the evidence is on.
  public var url: String
  /// What matched: one of ``kinds``.
  public var kind: String
  /// A short excerpt: link text, heading, or the words around a text match.
  public var snippet: String
  /// The link or document target, when the evidence is a link.
  public var target: String?
  /// The newest date the evidence carries, for freshness.
  public var date: Day?

  /// The kinds of evidence the predicates find, each named in every language file.
  public static let kinds = [
    "link", "document", "heading", "title", "page", "text", "selector", "embed", "email", "phone",
    "url", "https", "date",
  ]

  public init(url: String, kind: String, snippet: String, target: String? = nil, date: Day? = nil) {
    self.url = url
    self.kind = kind
    self.snippet = snippet
    self.target = target
    self.date = date
  }
}

/// One criterion's verdict with its evidence and the reason in words.
public struct Finding: Sendable, Codable, Hashable {
  public var ruleID: String
  public var area: String
  public var weight: Double
  public var status: FindingStatus
  /// Why the verdict is what it is (e.g. the newest date of the evidence and its age).
  public var reason: Reason
  public var evidence: [Evidence]

  public init(
    ruleID: String, area: String, weight: Double, status: FindingStatus, reason: Reason,
    evidence: [Evidence]
  ) {
    self.ruleID = ruleID
    self.area = area
    self.weight = weight
    self.status = status
    self.reason = reason
    self.evidence = evidence
  }
}
