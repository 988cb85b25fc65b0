import Foundation
import MuniscanCore
import MuniscanReports

/// Writes the files of several report formats into one folder (`--out DIR`).
enum ReportWriter {
  /// Writes every reporter's files under `folder`, creating folders as needed, and returns
  /// the path of each reporter's main file.
  static func write(
    _ scorecard: Scorecard, reporters: [any Reporter], options: ReportOptions, to folder: String
  ) throws -> [String] {
    let root = URL(fileURLWithPath: folder, isDirectory: true)
    var written: [String] = []
    for reporter in reporters {
      for file in try reporter.files(scorecard, options: options) {
        let url = root.appendingPathComponent(file.path)
        do {
          try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
          try Data(file.contents.utf8).write(to: url, options: .atomic)
        } catch {
          throw MuniscanError("cannot write \(url.path): \(error.localizedDescription)")
        }
      }
      written.append(root.appendingPathComponent(reporter.fileName).path)
    }
    return written
  }
}
