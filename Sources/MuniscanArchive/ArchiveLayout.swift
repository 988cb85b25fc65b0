/// Where things live in a crawl archive folder:
///
///     crawl.json            the manifest: sites, crawl options, crawl date, tool version
///     warc/*.warc.gz        WARC 1.1 files, one gzip member per record
///     index/<site>.jsonl    one line per archived response of the site: where it is
///     facts/<site>.bin      the page facts the crawl read from the site's pages, each record
///                           naming its response record; `score` uses them instead of parsing
///                           (see ``StoredFacts``)
///     done.jsonl            one line per finished site, with its crawl statistics
public struct ArchiveLayout: Sendable {
  public let directory: String

  public init(directory: String) {
    self.directory =
      directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
  }

  public var manifest: String { directory + "/crawl.json" }
  public var warcFolder: String { directory + "/warc" }
  public var indexFolder: String { directory + "/index" }
  public var factsFolder: String { directory + "/facts" }
  public var doneJournal: String { directory + "/done.jsonl" }

  public func warc(_ name: String) -> String { warcFolder + "/" + name }
  public func index(_ key: String) -> String { indexFolder + "/" + key + ".jsonl" }
  public func facts(_ key: String) -> String { factsFolder + "/" + key + ".bin" }

  /// A path of this layout relative to the archive folder (`warc/….warc.gz`).
  func relative(_ path: String) -> String {
    path.hasPrefix(directory + "/") ? String(path.dropFirst(directory.count + 1)) : path
  }
}
