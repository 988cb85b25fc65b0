import Foundation

/// A copy of a crawl archive to damage as a disk, a copy or a careless hand would: WARC files
/// cut short, emptied or overwritten, a page index deleted or a line of it or of `done.jsonl`
/// garbled. Paths are relative to the archive folder.
struct DamagedArchive {
  let folder: String

  /// Copies the archive in `source` to `folder`.
  init(copying source: String, to folder: String) throws {
    try FileManager.default.copyItem(atPath: source, toPath: folder)
    self.folder = folder
  }

  /// The sites' index keys in the manifest's order.
  func siteKeys() throws -> [String] {
    let manifest = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: folder + "/crawl.json")))
    let sites = (manifest as? [String: Any])?["sites"] as? [[String: Any]] ?? []
    return sites.compactMap { $0["key"] as? String }
  }

  /// The WARC files, `warc/…`, in the order they were written.
  func warcFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder + "/warc").filter {
      $0.hasSuffix(".warc.gz")
    }.sorted().map { "warc/" + $0 }
  }

  /// The lines of the page index of the site `key`, as JSON objects.
  func indexLines(_ key: String) throws -> [[String: Any]] {
    try lines("index/\(key).jsonl").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
  }

  /// Moves the records of the last site into a WARC file of their own (as a resumed crawl begins
  /// one), rewriting its index: the archive must come from a crawl of one site at a time
  /// (`--concurrency 1`), whose records follow each other site by site.
  func moveLastSiteToItsOwnFile() throws {
    let keys = try siteKeys()
    guard let file = try warcFiles().first, let last = keys.last else {
      throw ArchiveSetupError(what: "no WARC file or no site in \(folder)")
    }
    let start =
      try keys.dropLast().flatMap(indexLines).compactMap { line -> Int? in
        guard let offset = line["offset"] as? Int, let length = line["length"] as? Int else {
          return nil
        }
        return offset + length
      }.max() ?? 0
    let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
    let second = file.replacingOccurrences(of: "-00000.warc.gz", with: "-00001.warc.gz")
    try bytes[start...].write(to: URL(fileURLWithPath: folder + "/" + second))
    try bytes[..<start].write(to: URL(fileURLWithPath: folder + "/" + file))
    let moved = try indexLines(last).map { line -> String in
      var line = line
      line["warc"] = String(second.dropFirst("warc/".count))
      line["offset"] = (line["offset"] as? Int ?? 0) - start
      let json = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
      return String(decoding: json, as: UTF8.self)
    }
    try write(moved, to: "index/\(last).jsonl")
  }

  /// Cuts `file` to `size` bytes.
  func truncate(_ file: String, to size: Int) throws {
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: folder + "/" + file))
    try handle.truncate(atOffset: UInt64(size))
    try handle.close()
  }

  /// Replaces every byte of `file` with seeded garbage, keeping its size.
  func overwriteWithGarbage(_ file: String) throws {
    let size = try size(of: file)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let garbage = (0..<size).map { _ -> UInt8 in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 56)
    }
    try Data(garbage).write(to: URL(fileURLWithPath: folder + "/" + file))
  }

  func remove(_ file: String) throws {
    try FileManager.default.removeItem(atPath: folder + "/" + file)
  }

  /// Replaces line `number` (from 1) of `file` with text that is not JSON.
  func garble(line number: Int, of file: String) throws {
    var lines = try lines(file)
    lines[number - 1] = "{\"url\":\"http://" + String(repeating: "\u{1}", count: 8)
    try write(lines, to: file)
  }

  func size(of file: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + file)
    return attributes[.size] as? Int ?? 0
  }

  func lines(_ file: String) throws -> [String] {
    try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n").map(
      String.init)
  }

  /// Replaces the lines of `file`.
  func write(_ lines: [String], to file: String) throws {
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: folder + "/" + file, atomically: true, encoding: .utf8)
  }
}

struct ArchiveSetupError: Error, CustomStringConvertible {
  var what: String
  var description: String { what }
}
