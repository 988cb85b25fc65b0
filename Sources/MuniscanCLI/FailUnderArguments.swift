import ArgumentParser
import Foundation
import MuniscanCore

/// `--fail-under N`: turns a score into an exit status, for a municipality's own pipeline.
/// Only audited sites have a score to compare: with several sites, the run fails when any
/// audited site is below N. A site that was not audited (unreachable, closed by robots.txt,
/// incomplete in its archive) cannot pass a gate it was never measured against, so with
/// `--fail-under` it ends the run with status 4, which comes before 2.
struct FailUnderArguments: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Exit with status 2 when the site scores below N (0-100); with several sites, when any "
        + "audited site does; with status 4 when a site could not be audited.",
      valueName: "n"))
  var failUnder: Double?

  /// The exit status of a run with a site below `--fail-under` (1 is any other error).
  static let exitCode = ExitCode(2)

  /// The exit status of a site that was not audited: of `audit` always, of the other commands
  /// with `--fail-under` (as wget's 4, "network failure").
  static let notAuditedExitCode = ExitCode(4)

  func validate() throws {
    if let failUnder { try OptionRange.check("--fail-under", failUnder, 0...100) }
  }

  /// Names each site that was not audited (when `requireAudited` or `--fail-under` asks for
  /// them) and each audited site below the threshold, one line each on standard error, then
  /// exits with status 4 for the first, else 2 for the second; does nothing when all is well.
  func check(_ scorecard: Scorecard, requireAudited: Bool = false) throws {
    let notAudited =
      requireAudited || failUnder != nil ? scorecard.sites.filter { !$0.isAudited } : []
    for site in notAudited {
      Console.note(
        "not audited (\(site.status.rawValue)): \(site.site.url): \(site.outcome.reason ?? "")\n")
    }
    let below = failUnder.map { reportBelow($0, in: scorecard) } ?? false
    if !notAudited.isEmpty { throw Self.notAuditedExitCode }
    if below { throw Self.exitCode }
  }

  /// Says which audited sites are below `threshold`, in one line; true when any is.
  private func reportBelow(_ threshold: Double, in scorecard: Scorecard) -> Bool {
    let audited = scorecard.sites.filter(\.isAudited)
    let below = audited.filter { ($0.total ?? 0) < threshold }
    guard !below.isEmpty else { return false }
    let limit = String(format: "%g", threshold)
    let scores = below.map { "\($0.site.name) \(String(format: "%.1f", $0.total ?? 0))" }
    if scorecard.sites.count == 1 {
      Console.note("fail-under: \(scores[0]) is below \(limit)\n")
    } else {
      Console.note(
        "fail-under: \(below.count) of \(audited.count) audited sites are below \(limit): "
          + scores.joined(separator: ", ") + "\n")
    }
    return true
  }
}
