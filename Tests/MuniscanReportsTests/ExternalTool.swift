import Foundation
import MuniscanTestSupport

/// Runs a program found on PATH (python3, chromium) for tests that check reports with the
/// tools people read them with.
enum ExternalTool {
  /// What the program left.
  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs the program to its end, or stops it after `timeout` seconds.
  static func run(_ program: String, _ arguments: [String], timeout: TimeInterval = 120) throws
    -> Result
  {
    let result = try ChildProcess.runBlocking(program, arguments, timeout: timeout)
    return Result(status: result.status, output: result.outputText, errors: result.errors)
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "muniscan-reports-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes report files under a fresh temporary folder and returns the folder.
  static func write(_ files: [(path: String, contents: String)]) throws -> URL {
    let folder = try temporaryFolder()
    for file in files {
      let url = folder.appendingPathComponent(file.path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.contents.utf8).write(to: url)
    }
    return folder
  }
}
