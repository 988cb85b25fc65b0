import MuniscanCore

/// The run history: every scorecard kept, so runs can be listed, re-rendered and compared.
/// `SQLiteRunStore` is the embedded default; `PostgresRunStore` keeps the same tables on a
/// database server, for audits run from several machines. `RunStoreLocation` picks one from a
/// `--store` value. Every call is asynchronous, since a server is asked over the network.
public protocol RunStoring: Sendable {
  /// Stores the scorecard as a new run and returns the run's id. The scorecard is kept as it
  /// was judged: its comparison and trends are left out, since they depend on other runs.
  func save(_ scorecard: Scorecard) async throws -> String
  /// Every stored run, oldest first.
  func runs() async throws -> [RunSummary]
  /// The scorecard of a stored run, with its run id; throws for an unknown id.
  func scorecard(runID: String) async throws -> Scorecard
  /// The latest run stored before `runID` with the same rule set id, or nil when there is none.
  func previousRun(before runID: String) async throws -> RunSummary?
  /// The site's total and rank in every run of the same rule set stored before `runID` that
  /// audited it, oldest first (a run that did not is a gap, never a 0); sites are matched by
  /// `Site.historyKey`.
  func trend(siteKey: String, before runID: String) async throws -> [TrendPoint]
}

/// One stored run as `muniscan runs list` shows it.
public struct RunSummary: Sendable, Codable, Hashable {
  public var id: String
  /// When the run was stored (UTC, ISO 8601).
  public var createdAt: String
  public var asOf: Day
  public var ruleSetID: String
  public var ruleSetVersion: String
  public var siteCount: Int
  /// Sites of the run that were audited (the others have no total).
  public var auditedCount: Int
  /// Mean total of the audited sites; nil when the run audited none.
  public var meanTotal: Double?

  public init(
    id: String, createdAt: String, asOf: Day, ruleSetID: String, ruleSetVersion: String,
    siteCount: Int, auditedCount: Int, meanTotal: Double?
  ) {
    self.id = id
    self.createdAt = createdAt
    self.asOf = asOf
    self.ruleSetID = ruleSetID
    self.ruleSetVersion = ruleSetVersion
    self.siteCount = siteCount
    self.auditedCount = auditedCount
    self.meanTotal = meanTotal
  }
}

/// A run store that cannot be used as asked, said in one line naming the file or the server
/// (with any password replaced by `***`).
public struct StoreError: Error, CustomStringConvertible, Equatable {
  public var description: String

  public init(_ description: String) { self.description = description }
}
