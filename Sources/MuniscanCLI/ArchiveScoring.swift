import ArgumentParser
import MuniscanArchive
import MuniscanAudit
import MuniscanCore
import MuniscanReports

/// What `score` and `merge` do with archives: judge them, say how many pages were judged from
/// stored page facts, name every part that could not be read and the sites marked incomplete,
/// deliver the reports, and end with status 3 when the archives were not whole (unless
/// `--accept-incomplete`).
enum ArchiveScoring {
  static func score(
    _ archives: [ArchiveReader], with audit: Audit, asOf: Day?,
    incomplete: IncompleteArchiveArguments, outputs: ResultOutputs, words: ReportWords,
    shard: Shard? = nil
  ) async throws {
    let scored = await audit.score(archives, asOf: asOf)
    let names = archives.map(\.layout.directory).joined(separator: ", ")
    Console.note("scored \(names): \(scored.storedFactsSummary)\n")
    let rejected = incomplete.report(scored, directory: names)
    do {
      try await outputs.deliver(scored.scorecard, words: words, shard: shard)
    } catch let status as ExitCode
      where rejected
      && (status == FailUnderArguments.exitCode || status == FailUnderArguments.notAuditedExitCode)
    {
      // An incomplete archive's status comes first: the report is out, the sites below named.
    }
    if rejected { throw IncompleteArchiveArguments.exitCode }
  }
}
