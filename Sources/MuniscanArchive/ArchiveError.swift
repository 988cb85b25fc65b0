/// Why an archive could not be written, read or resumed, in one line naming the file at fault.
public enum ArchiveError: Error, CustomStringConvertible, Equatable {
  case io(String, String)
  case notAnArchive(String)
  case unreadableManifest(String, String)
  /// Resuming with arguments that would crawl differently from the run that started the archive.
  case mismatch(String)
  /// A URL that scoring needed but the archive does not hold.
  case notArchived(String)
  /// Some of a site's exchanges could not be written, so it is not marked finished.
  case siteIncomplete(String)

  public var description: String {
    switch self {
    case .io(let path, let problem): return "\(path): \(problem)"
    case .notAnArchive(let directory):
      return "\(directory): not a muniscan crawl archive (no crawl.json)"
    case .unreadableManifest(let path, let problem):
      return "\(path): cannot read the crawl manifest (\(problem))"
    case .mismatch(let text): return text
    case .notArchived(let url): return "\(url): not in the archive"
    case .siteIncomplete(let url):
      return "\(url): some exchanges could not be archived; the site stays unfinished"
    }
  }
}
