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
    let sites = scorecard.sites
    let batch = 64 * ProcessInfo.processInfo.activeProcessorCount
    for start in stride(from: 0, to: sites.count, by: batch) {
      let range = start..<min(start + batch, sites.count)
      for (index, text) in zip(range, try Self.encoded(sites[range], as: encoder.outputFormatting))
      {
        try output(text + (index == sites.count - 1 ? "\n" : ",\n"))
      }
    }
    try output("  ]\n}\n")
  }

  /// Each site encoded and indented to its depth, a batch at a time on every processor: the
  /// report is written after the last site is judged, when nothing else runs.
  private static func encoded(
    _ sites: ArraySlice<SiteResult>, as formatting: JSONEncoder.OutputFormatting
  ) throws -> [String] {
    let texts = Locked([Result<String, any Error>?](repeating: nil, count: sites.count))
    DispatchQueue.concurrentPerform(iterations: sites.count) { offset in
      let encoder = JSONEncoder()
      encoder.outputFormatting = formatting
      let text = Result { indented(try encoder.encode(sites[sites.startIndex + offset]), by: 4) }
      texts.withLock { $0[offset] = text }
    }
    // Every slot is filled: concurrentPerform returns when every iteration has run.
    return try texts.withLock { $0 }.map { try $0!.get() }
  }

  /// Pretty-printed JSON with every line but the empty ones indented `spaces` more, read as
  /// bytes: splitting a nation's report into Characters cost more than encoding it.
  static func indented(_ json: Data, by spaces: Int) -> String {
    json.withUnsafeBytes { bytes in
      let lines = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
      return String(unsafeUninitializedCapacity: bytes.count + lines * spaces) { buffer in
        var count = 0
        var lineStart = true
        for byte in bytes {
          if lineStart, byte != UInt8(ascii: "\n") {
            for _ in 0..<spaces {
              buffer[count] = UInt8(ascii: " ")
              count += 1
            }
          }
          buffer[count] = byte
          count += 1
          lineStart = byte == UInt8(ascii: "\n")
        }
        return count
      }
    }
  }
}
