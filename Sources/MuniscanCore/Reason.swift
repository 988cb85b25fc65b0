/// Why a finding's verdict is what it is, kept as a code with its values rather than as text:
/// each report says it in its own language (the `reasons:` templates of a language file), and
/// data outputs keep the code and values for analysis.
///
/// Encoded as `{"code": "stale_date", "values": {"date": "2026-03-01", "age": "264", …}}`. A
/// reason stored as plain text by an earlier version is read back as ``Code/text``.
public struct Reason: Sendable, Hashable, Codable, CustomStringConvertible {
  /// What kind of reason it is; its raw value is its key under `reasons:` in a language file.
  public enum Code: String, Sendable, Codable, Hashable, CaseIterable {
    /// The strongest evidence of the criterion, by kind and what it says.
    case found
    /// Only what the rule counts as weaker evidence (partial).
    case weakerFound = "weaker_found"
    /// Nothing on the pages the rule looks at.
    case noEvidence = "no_evidence"
    /// The site could not be crawled (the crawl's message in `detail`).
    case notCrawled = "not_crawled"
    /// The site's archive could not be read whole (what was damaged in `detail`).
    case notJudged = "not_judged"
    /// The newest date of the evidence lies within the rule's window.
    case freshDate = "fresh_date"
    /// The newest date of the evidence is older than the rule's window.
    case staleDate = "stale_date"
    /// The evidence carries no date to show it is current.
    case undated
    /// The evidence is a link into an official system that keeps the record as it happens
    /// (VOLIS), current by what it is (the system's host in `host`).
    case liveSystem = "live_system"
    /// The evidence names a year the rule accepts.
    case yearNamed = "year_named"
    /// The newest year named is older than the rule accepts.
    case oldYear = "old_year"
    /// The evidence names no year.
    case noYear = "no_year"
    /// Every period the evidence names (a plan for 2016–2023) ended before the audit year.
    case periodEnded = "period_ended"
    /// Text stored by an earlier version, shown as it is.
    case text

    /// The values a reason of this code carries, each a `{name}` of its template.
    public var placeholders: [String] {
      switch self {
      case .found, .weakerFound: return ["kind", "snippet"]
      case .noEvidence: return ["pages"]
      case .notCrawled, .notJudged: return ["detail"]
      case .freshDate: return ["date", "window"]
      case .staleDate: return ["date", "age", "window"]
      case .undated, .noYear: return []
      case .liveSystem: return ["host"]
      case .yearNamed: return ["year"]
      case .oldYear: return ["year", "from", "to"]
      case .periodEnded: return ["year"]
      case .text: return ["text"]
      }
    }

    /// The codes a language file must say in words (all but stored text).
    public static var templated: [Code] { allCases.filter { $0 != .text } }
  }

  public var code: Code
  public var values: [String: String]

  public init(_ code: Code, _ values: [String: String] = [:]) {
    self.code = code
    self.values = values
  }

  /// The strongest evidence shown as the reason: which kind of evidence, what it says.
  public static func found(_ evidence: Evidence) -> Reason {
    Reason(.found, ["kind": evidence.kind, "snippet": evidence.snippet])
  }

  /// Weaker evidence shown as the reason of a partial verdict.
  public static func weakerFound(_ evidence: Evidence) -> Reason {
    Reason(.weakerFound, ["kind": evidence.kind, "snippet": evidence.snippet])
  }

  /// The code and its values, for logs and failing rule examples (reports use their language).
  public var description: String {
    let shown = code.placeholders.map { "\($0)=\(values[$0] ?? "")" }
    return ([code.rawValue] + shown).joined(separator: " ")
  }

  private enum CodingKeys: String, CodingKey { case code, values }

  public init(from decoder: any Decoder) throws {
    if let text = try? decoder.singleValueContainer().decode(String.self) {
      self.init(.text, ["text": text])
      return
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      try container.decode(Code.self, forKey: .code),
      try container.decode([String: String].self, forKey: .values))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(code, forKey: .code)
    try container.encode(values, forKey: .values)
  }
}
