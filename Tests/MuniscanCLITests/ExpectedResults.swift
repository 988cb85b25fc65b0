import Foundation
import MuniscanCore
import Yams

/// The human labels of a fixture site (`fixtures/expected/HOST.yml`; sites judged with another
/// rule set keep theirs in another folder, e.g. `fixtures/expected-fi/`).
struct ExpectedResults: Decodable {
  var name: String
  var url: String
  var asOf: String
  var expect: [String: FindingStatus]
  /// `holdout`, `holdout2`, …: sites written and labelled without reading the rules, which
  /// measure how the rules judge pages they were not tuned on; nil for the development set.
  var labelSet: String?

  enum CodingKeys: String, CodingKey {
    case name, url, expect
    case labelSet = "set"
    case asOf = "as_of"
  }

  var host: String { URLNormalizer.siteKey(url) ?? url }

  static func all(in name: String = "expected") throws -> [ExpectedResults] {
    let folder = CommandRunner.repository + "/fixtures/" + name
    return try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".yml")
    }.sorted()
      .map {
        try YAMLDecoder().decode(
          ExpectedResults.self, from: String(contentsOfFile: folder + "/" + $0, encoding: .utf8))
      }
  }
}
