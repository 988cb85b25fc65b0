import Foundation
import MuniscanCore
import MuniscanReports

/// Writes the files of several report formats into one folder (`--out DIR`).
public enum ReportWriter {
  /// Writes every reporter's files under `folder`, creating folders as needed, and returns
  /// the path of each reporter's main file.
  public static func write(
    _ scorecard: Scorecard, reporters: [any Reporter], options: ReportOptions, to folder: String
  ) throws -> [String] {
    paths(try writeFiles(scorecard, reporters: reporters, options: options, to: folder), in: folder)
  }

  /// Writes every reporter's files into a new `folder` that replaces the old one as a whole
  /// (see ``FolderReplacement``), and returns the path of each reporter's main file.
  public static func replace(
    _ folder: String, with scorecard: Scorecard, reporters: [any Reporter],
    options: ReportOptions
  ) throws -> [String] {
    let names = try FolderReplacement.replace(folder) { new in
      try writeFiles(scorecard, reporters: reporters, options: options, to: new)
    }
    return paths(names, in: folder)
  }

  private static func paths(_ names: [String], in folder: String) -> [String] {
    names.map { URL(fileURLWithPath: folder, isDirectory: true).appendingPathComponent($0).path }
  }

  /// Writes every reporter's files under `folder` and returns each reporter's main file name.
  private static func writeFiles(
    _ scorecard: Scorecard, reporters: [any Reporter], options: ReportOptions, to folder: String
  ) throws -> [String] {
    let root = URL(fileURLWithPath: folder, isDirectory: true)
    var written: [String] = []
    for reporter in reporters {
      var paths = Set<String>()
      for file in try reporter.files(scorecard, options: options) {
        let url = root.appendingPathComponent(file.path)
        do {
          try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
          try Data(file.contents.utf8).write(to: url, options: .atomic)
        } catch {
          throw MuniscanError("cannot write \(url.path): \(error.localizedDescription)")
        }
        paths.insert(file.path)
      }
      for folder in reporter.ownedFolders {
        try removeStale(in: root, folder: folder, keeping: paths)
      }
      written.append(reporter.fileName)
    }
    return written
  }

  /// Makes sure `folder` is a folder muniscan can write in (making it when missing), so a
  /// command can refuse a bad `option` before it does any work.
  public static func checkFolder(_ folder: String, option: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
      throw MuniscanError("\(option) \(folder): a file is there; give a folder")
    }
    let probe = URL(fileURLWithPath: folder).appendingPathComponent(
      ".muniscan-write-check-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Data().write(to: probe)
      try FileManager.default.removeItem(at: probe)
    } catch {
      throw MuniscanError("\(option) \(folder): cannot write there (\(error.localizedDescription))")
    }
  }

  /// Removes the files of `folder` with its extension that are not among `paths`.
  private static func removeStale(
    in root: URL, folder: (path: String, fileExtension: String), keeping paths: Set<String>
  ) throws {
    let directory = root.appendingPathComponent(folder.path, isDirectory: true)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where name.hasSuffix("." + folder.fileExtension) {
      guard !paths.contains(folder.path + "/" + name) else { continue }
      let url = directory.appendingPathComponent(name)
      do {
        try FileManager.default.removeItem(at: url)
      } catch {
        throw MuniscanError("cannot remove the stale \(url.path): \(error.localizedDescription)")
      }
    }
  }
}
