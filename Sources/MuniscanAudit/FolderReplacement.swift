import Foundation

/// Replaces a folder with a new one as a whole, so a rerun never leaves old and new files mixed
/// (a shard's reports, which its scheduler may run again): the new folder is built beside it
/// under a hidden name, the old one is renamed aside, the new one renamed into place, and the
/// old one removed. Renames work on every POSIX file system, shared ones included; between the
/// two a reader finds no folder rather than a mix, and what a killed run leaves beside it is
/// removed by the next run.
enum FolderReplacement {
  /// Builds the new contents of `folder` with `build`, which gets the path to write into, and
  /// puts them in place of the old ones.
  static func replace<T>(_ folder: String, build: (String) throws -> T) throws -> T {
    let target = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let name = target.lastPathComponent
    let files = FileManager.default
    do {
      try files.createDirectory(at: parent, withIntermediateDirectories: true)
      for leftover in try files.contentsOfDirectory(atPath: parent.path)
      where leftover.hasPrefix(".\(name).new-") || leftover.hasPrefix(".\(name).old-") {
        try files.removeItem(at: parent.appendingPathComponent(leftover))
      }
    } catch {
      throw MuniscanError("cannot prepare \(target.path): \(error.localizedDescription)")
    }
    let id = UUID().uuidString
    let new = parent.appendingPathComponent(".\(name).new-\(id)", isDirectory: true)
    let old = parent.appendingPathComponent(".\(name).old-\(id)", isDirectory: true)
    let result: T
    do {
      try files.createDirectory(at: new, withIntermediateDirectories: false)
      result = try build(new.path)
    } catch {
      try? files.removeItem(at: new)
      throw error
    }
    do {
      if files.fileExists(atPath: target.path) { try files.moveItem(at: target, to: old) }
      try files.moveItem(at: new, to: target)
      if files.fileExists(atPath: old.path) { try files.removeItem(at: old) }
    } catch {
      throw MuniscanError("cannot put \(target.path) in place: \(error.localizedDescription)")
    }
    return result
  }
}
