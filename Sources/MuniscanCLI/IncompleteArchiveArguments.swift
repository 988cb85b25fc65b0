import ArgumentParser
import MuniscanArchive
import MuniscanAudit

/// `--accept-incomplete`: whether a scorecard of an archive that could not be read whole is a
/// success. Every unreadable part is named either way and its sites stay marked `incomplete`;
/// without the flag `score` ends with status 3, so a damaged archive never passes for a ranking.
struct IncompleteArchiveArguments: ParsableArguments {
  @Flag(
    help:
      "Exit with status 0 although the archive is damaged or unfinished (its sites are still marked incomplete)."
  )
  var acceptIncomplete = false

  /// The exit status of a score with incomplete sites (2 is --fail-under's).
  static let exitCode = ExitCode(3)

  /// Names every part of the archives (`directory`, for the summary) that could not be read,
  /// one line each on standard error, then the sites marked incomplete; returns whether the
  /// run must end with status 3.
  func report(_ scored: ArchiveScore, directory: String) -> Bool {
    for damage in scored.damage { Console.note("\(damage)\n") }
    let incomplete = scored.incompleteSites
    guard !incomplete.isEmpty else { return false }
    let names = incomplete.map(\.site.name).joined(separator: ", ")
    Console.note(
      "incomplete: \(incomplete.count) of \(scored.scorecard.sites.count) sites in \(directory) "
        + "are marked incomplete and not scored: \(names)"
        + (acceptIncomplete ? "\n" : "; exit status 3 (--accept-incomplete accepts them)\n"))
    return !acceptIncomplete
  }
}
