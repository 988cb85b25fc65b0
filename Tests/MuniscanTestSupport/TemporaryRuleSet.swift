import Foundation

/// Writes a rule set folder under the temporary directory for a test and removes it afterwards.
public struct TemporaryRuleSet {
  public let directory: String

  public init(_ files: [String: String]) throws {
    directory = NSTemporaryDirectory() + "muniscan-rules-" + UUID().uuidString
    for (name, text) in files {
      let path = directory + "/" + name
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
  }

  public func remove() { try? FileManager.default.removeItem(atPath: directory) }

  public static let manifest = """
    id: test
    version: "1"
    examples_as_of: 2026-11-20
    areas:
      - id: council
        title: { et: Volikogu, en: Council }
    """

  public static func rule(_ body: String) -> String {
    """
    rules:
      - id: council.minutes
        area: council
        weight: 2
        title: { et: Protokollid, en: Minutes }
        advice: { et: Avalda protokollid., en: Publish the minutes. }
    \(body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
    """
  }
}
