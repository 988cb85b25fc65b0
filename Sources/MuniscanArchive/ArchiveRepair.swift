import Foundation

/// Makes an archive left by a killed crawl whole again before the crawl resumes, trusting the
/// WARC files over the index: a torn last line of an index or of `done.jsonl`, and a torn last
/// record of a page facts file, are cut off (so records appended after them can be read), an
/// exchange whose records were written but not indexed is indexed, and a torn last record (or a
/// request whose response never made it) is cut off its file, so every reader sees whole
/// records only. Only the part of each file after its last indexed record is read.
enum ArchiveRepair {
  /// Repairs the archive and says what it did, one line per change.
  static func run(_ layout: ArchiveLayout, manifest: CrawlManifest) throws -> [String] {
    var changes: [String] = []
    let fileManager = FileManager.default
    for path in [layout.doneJournal] + manifest.sites.map({ layout.index($0.key) })
    where fileManager.fileExists(atPath: path) {
      if try JSONLines.cutTornLine(path) { changes.append("\(path): cut a torn last line") }
    }
    for path in manifest.sites.map({ layout.facts($0.key) }) {
      guard let (whole, size) = try StoredFacts.wholeRecords(of: path), whole < size else {
        continue
      }
      try AppendOnlyFile.truncate(path, to: whole)
      changes.append(
        "\(path): cut a torn page facts record at byte \(whole) (\(size - whole) bytes)")
    }

    let files = WARCFileWriter.files(in: layout.warcFolder)
    let sizes = Dictionary(
      uniqueKeysWithValues: files.map { ($0, AppendOnlyFile.size(layout.warc($0)) ?? 0) })
    var indexedEnd: [String: Int] = [:]
    for site in manifest.sites {
      let path = layout.index(site.key)
      let entries = JSONLines.read(
        PageIndexEntry.self, from: path, fastPath: PageIndexEntry.init(line:))
      let valid = entries.filter { entry in sizes[entry.warc].map { entry.end <= $0 } ?? false }
      if valid.count < entries.count {
        try JSONLines.rewrite(valid, to: path)
        changes.append(
          "\(path): dropped \(entries.count - valid.count) lines naming records not in the WARC files"
        )
      }
      for entry in valid { indexedEnd[entry.warc] = max(indexedEnd[entry.warc] ?? 0, entry.end) }
    }

    let keys = Dictionary(
      manifest.sites.map { ($0.site.url, $0.key) }, uniquingKeysWith: { first, _ in first })
    for name in files {
      let path = layout.warc(name)
      var keep = indexedEnd[name] ?? 0
      var recovered = 0
      let end = try WARCFileReader.scan(path, from: keep) { record, placement in
        switch record.type {
        case "request":
          return  // whole only together with its response
        case "response":
          if let site = record.field(ExchangeRecords.siteField), let key = keys[site],
            let entry = indexEntry(record, placement)
          {
            try AppendOnlyFile.append(entry.line, toFileAt: layout.index(key))
            recovered += 1
          }
        default:
          break
        }
        keep = placement.offset + placement.length
      }
      if recovered > 0 {
        changes.append("\(path): indexed \(recovered) records written but not indexed")
      }
      let size = sizes[name] ?? 0
      guard keep < size else { continue }
      if keep == 0 {
        try? fileManager.removeItem(atPath: path)
        changes.append("\(path): removed (no whole record)")
      } else {
        try AppendOnlyFile.truncate(path, to: keep)
        let why: String
        switch end {
        case .corrupt(_, let reason): why = "a damaged record (\(reason))"
        case .torn: why = "a torn record"
        case .complete: why = "a request without its response"
        }
        changes.append("\(path): cut \(why) at byte \(keep) (\(size - keep) bytes)")
      }
    }
    return changes
  }

  private static func indexEntry(_ record: WARCRecord, _ placement: RecordPlacement)
    -> PageIndexEntry?
  {
    guard let response = ExchangeRecords.response(from: record) else { return nil }
    return PageIndexEntry(
      url: response.url, status: response.status,
      contentType: response.header("content-type") ?? "",
      warc: placement.file, offset: placement.offset, length: placement.length,
      fetchedAt: record.field("WARC-Date") ?? "", crc32: placement.crc32)
  }
}
