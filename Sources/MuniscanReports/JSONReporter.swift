import Foundation
import MuniscanCore

/// The scorecard itself as JSON, keys sorted so equal results give byte-equal files. Its shape
/// is described by `docs/scorecard.schema.json`.
public struct JSONReporter: Reporter {
  public let name = "json"
  public let fileName = "scorecard.json"

  public init() {}

  public func render(_ scorecard: Scorecard, options: ReportOptions) throws -> String {
    var text = ""
    try write(scorecard, options: options) { text += $0 }
    return text
  }

  /// The same bytes as encoding the scorecard whole, a site at a time: `sites` is the last of
  /// the sorted keys, so the document is the scorecard without sites, its empty list opened,
  /// and each site encoded alone and indented to its depth (a line break only ever ends a
  /// line of the pretty-printed document, never falls inside a string).
  public func write(
    _ scorecard: Scorecard, options: ReportOptions, to output: (String) throws -> Void
  ) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var withoutSites = scorecard
    withoutSites.sites = []
    let head = String(decoding: try encoder.encode(withoutSites), as: UTF8.self)
    let emptySites = "[\n\n  ]\n}"
    // Another Foundation may print an empty list otherwise: then the whole document at once.
    guard !scorecard.sites.isEmpty, head.hasSuffix(emptySites) else {
      try output(String(decoding: try encoder.encode(scorecard), as: UTF8.self) + "\n")
      return
    }
    try output(head.dropLast(emptySites.count) + "[\n")
    for (index, site) in scorecard.sites.enumerated() {
      let text = String(decoding: try encoder.encode(site), as: UTF8.self)
      let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.isEmpty ? "" : "    " + $0
      }
      try output(
        indented.joined(separator: "\n") + (index == scorecard.sites.count - 1 ? "\n" : ",\n"))
    }
    try output("  ]\n}\n")
  }
}
