import Foundation
import MuniscanCore
import MuniscanReports

/// Writes the reports of several formats into one folder (`--out DIR`), one file a format named
/// `scorecard.<format>`.
enum ReportWriter {
  /// Writes every reporter's file under `folder`, creating it as needed, and returns the paths
  /// written.
  static func write(
    _ scorecard: Scorecard, reporters: [any Reporter], options: ReportOptions, to folder: String
  ) throws -> [String] {
    let root = URL(fileURLWithPath: folder, isDirectory: true)
    var written: [String] = []
    for reporter in reporters {
      let url = root.appendingPathComponent("scorecard.\(reporter.name)")
      let text = try reporter.render(scorecard, options: options)
      do {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
      } catch {
        throw MuniscanError("cannot write \(url.path): \(error.localizedDescription)")
      }
      written.append(url.path)
    }
    return written
  }
}
