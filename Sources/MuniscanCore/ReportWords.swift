/// The fixed words of human-readable reports in one language, read from the `words:` section
/// of `locales/<code>.yml`, so a report language is data and adding one needs no code.
///
/// The reader rejects a file that lacks a word, a status, a band, a template, a reason or an
/// evidence kind, so every lookup here has its text.
public struct ReportWords: Sendable {
  public let language: Language
  private let words: [ReportWord: String]
  private let statuses: [FindingStatus: String]
  private let bands: [Band: String]
  /// "43 of 79 sites pass": a template with `{pass}` and `{total}`.
  private let passCountTemplate: String
  /// "rank 3 of 79": a template with `{rank}` and `{total}`.
  private let rankOfTemplate: String
  /// "the server answered with an error (503)": a template with `{status}`.
  private let httpErrorTemplate: String
  /// Why a verdict is what it is: a template per reason code, with the code's placeholders.
  private let reasonTemplates: [Reason.Code: String]
  /// The names of the kinds of evidence (`link`, `heading`, …).
  private let evidenceKinds: [String: String]

  /// The placeholders each template must hold.
  public static let passCountPlaceholders = ["pass", "total"]
  public static let rankOfPlaceholders = ["rank", "total"]
  public static let httpErrorPlaceholders = ["status"]

  public init(
    language: Language, words: [ReportWord: String], statuses: [FindingStatus: String],
    bands: [Band: String], passCount: String, rankOf: String, httpError: String,
    reasons: [Reason.Code: String], evidenceKinds: [String: String]
  ) {
    self.language = language
    self.words = words
    self.statuses = statuses
    self.bands = bands
    passCountTemplate = passCount
    rankOfTemplate = rankOf
    httpErrorTemplate = httpError
    reasonTemplates = reasons
    self.evidenceKinds = evidenceKinds
  }

  public subscript(word: ReportWord) -> String { words[word] ?? "" }

  public func status(_ status: FindingStatus) -> String { statuses[status] ?? "" }

  public func band(_ band: Band) -> String { bands[band] ?? "" }

  /// "43 of 79 sites pass", the per-criterion count.
  public func passCount(_ pass: Int, of total: Int) -> String {
    Self.fill(passCountTemplate, ["pass": "\(pass)", "total": "\(total)"])
  }

  /// "rank 3 of 79".
  public func rankOf(_ rank: Int, _ total: Int) -> String {
    Self.fill(rankOfTemplate, ["rank": "\(rank)", "total": "\(total)"])
  }

  /// "the server answered with an error (503)": why a site whose home page answered with an
  /// HTTP error status was not audited.
  public func httpError(_ status: Int) -> String {
    Self.fill(httpErrorTemplate, ["status": "\(status)"])
  }

  /// The name of a kind of evidence; a kind this language file does not name stays as it is.
  public func evidenceKind(_ kind: String) -> String { evidenceKinds[kind] ?? kind }

  /// Why a verdict is what it is, in this language: "found: link “Istungite protokollid”".
  public func reason(_ reason: Reason) -> String {
    guard reason.code != .text, let template = reasonTemplates[reason.code] else {
      return reason.values["text"] ?? reason.description
    }
    var values = reason.values
    if let kind = values["kind"] { values["kind"] = evidenceKind(kind) }
    return Self.fill(template, values)
  }

  /// The template with each `{name}` replaced by its value.
  private static func fill(_ template: String, _ values: [String: String]) -> String {
    var result = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      result += rest[..<open]
      let name = String(rest[rest.index(after: open)..<close])
      result += values[name] ?? "{\(name)}"
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }
}

/// A fixed word or phrase of the human-readable reports; its raw value is its key under
/// `words:` in a language file.
public enum ReportWord: String, Sendable, CaseIterable {
  case title, total, rank, site, sites, pages, ruleset, asOf = "as_of", area, score, unreachable
  case todo, nothingToFix = "nothing_to_fix", evidence, noEvidence = "no_evidence", criteria
  case criterion, band, bands, ranking, heatmap, changes, gained, lost, new, previous, reason
  case advice, basis, weight, status, trend, requests, errors
  case robotsExcluded = "robots_excluded", allSites = "all_sites", sortBy = "sort_by"
  case totalsChart = "totals_chart", areasChart = "areas_chart", crawl, more, removed
  case pagesColumn = "pages_column", notAudited = "not_audited"
  case notAuditedNote = "not_audited_note", technicalDetail = "technical_detail"
  case scrollHint = "scroll_hint", heatLegend = "heat_legend", noScore = "no_score"
  case reasonNoAnswer = "reason_no_answer", reasonRefused = "reason_refused"
  case reasonNoName = "reason_no_name", reasonSecure = "reason_secure"
  case reasonNotWeb = "reason_not_web", reasonRedirectLoop = "reason_redirect_loop"
  case reasonNotArchived = "reason_not_archived", reasonNotFetched = "reason_not_fetched"
  case notAuditedTitle = "not_audited_title", wasNotAudited = "was_not_audited"
  case reasonClosedByRobots = "reason_closed_by_robots", reasonIncomplete = "reason_incomplete"
}
