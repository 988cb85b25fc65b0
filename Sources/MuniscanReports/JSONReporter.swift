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
  /// and each site written alone at its depth.
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
    let sites = scorecard.sites
    let batch = 64 * ProcessInfo.processInfo.activeProcessorCount
    for start in stride(from: 0, to: sites.count, by: batch) {
      let range = start..<min(start + batch, sites.count)
      for (index, text) in zip(range, Self.encoded(sites[range])) {
        try output(text + (index == sites.count - 1 ? "\n" : ",\n"))
      }
    }
    try output("  ]\n}\n")
  }

  /// Each site written at its depth in the document (``SiteResultJSON``), a batch at a time
  /// on every processor: the report is written after the last site is judged, when nothing
  /// else runs.
  private static func encoded(_ sites: ArraySlice<SiteResult>) -> [String] {
    let texts = Locked([String](repeating: "", count: sites.count))
    DispatchQueue.concurrentPerform(iterations: sites.count) { offset in
      let text = SiteResultJSON.text(sites[sites.startIndex + offset], depth: 2)
      texts.withLock { $0[offset] = text }
    }
    return texts.withLock { $0 }
  }
}
