import ArgumentParser
import Foundation
import MuniscanCore

/// `--fail-under N`: turns a score into an exit status, for a municipality's own pipeline.
/// With several sites, the run fails when any site (an unreachable one included) is below N.
struct FailUnderArguments: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Exit with status 2 when the site scores below N (0-100); with several sites, when any does.",
      valueName: "n"))
  var failUnder: Double?

  /// The exit status of a run with a site below `--fail-under` (1 is any other error).
  static let exitCode = ExitCode(2)

  func validate() throws {
    if let failUnder { try OptionRange.check("--fail-under", failUnder, 0...100) }
  }

  /// Says which sites are below the threshold, in one line on standard error, and exits with
  /// status 2; does nothing when all are at or above it.
  func check(_ scorecard: Scorecard) throws {
    guard let failUnder else { return }
    let below = scorecard.sites.filter { $0.total < failUnder }
    guard !below.isEmpty else { return }
    let threshold = String(format: "%g", failUnder)
    let scores = below.map { "\($0.site.name) \(String(format: "%.1f", $0.total))" }
    if scorecard.sites.count == 1 {
      Console.note("fail-under: \(scores[0]) is below \(threshold)\n")
    } else {
      Console.note(
        "fail-under: \(below.count) of \(scorecard.sites.count) sites are below \(threshold): "
          + scores.joined(separator: ", ") + "\n")
    }
    throw Self.exitCode
  }
}
