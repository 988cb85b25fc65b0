import Foundation
import MuniscanCore

/// The scorecard itself as JSON, keys sorted so equal results give byte-equal files. Its shape
/// is described by `docs/scorecard.schema.json`.
public struct JSONReporter: Reporter {
  public let name = "json"
  public let fileName = "scorecard.json"

  public init() {}

  public func render(_ scorecard: Scorecard, options: ReportOptions) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(scorecard), as: UTF8.self) + "\n"
  }
}
