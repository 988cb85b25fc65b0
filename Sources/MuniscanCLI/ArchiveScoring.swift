import MuniscanArchive
import MuniscanAudit
import MuniscanCore

/// What `score` and `merge` say while they judge archives: a warning for each archive with
/// unfinished sites, and for records that could not be read.
enum ArchiveScoring {
  static func score(_ archives: [ArchiveReader], with audit: Audit, asOf: Day?) async -> Scorecard {
    for archive in archives {
      let sites = archive.manifest.sites.count
      let unfinished = sites - archive.finished().count
      if unfinished > 0 {
        Console.note(
          "warning: \(unfinished) of \(sites) sites in \(archive.layout.directory) are not "
            + "finished; scoring what was archived (resume the crawl for complete results)\n")
      }
    }
    let scored = await audit.score(archives, asOf: asOf)
    if scored.unreadableRecords > 0 {
      let names = archives.map(\.layout.directory).joined(separator: ", ")
      Console.note(
        "warning: \(scored.unreadableRecords) archived records in \(names) could not be read "
          + "(listed above); their pages are missing from the scores\n")
    }
    return scored.scorecard
  }
}
