#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The open files a crawl needs, and the process's limit raised to them. Each site crawled at
/// once holds a spool file and a connection, and in a crawl into an archive its page index and
/// facts file; a process out of descriptors fails connections as
/// if sites were unreachable (a wrong ranking) and libdispatch aborts, so a crawl wider than the
/// system allows is refused before it starts, and a low soft limit (1024 on Debian) is raised
/// to what the crawl needs when the hard limit allows.
public enum OpenFileLimit {
  /// Descriptors the process holds besides its sites': standard streams, archive and database
  /// files, libcurl's and libdispatch's own.
  static let base = 64

  /// Descriptors each site crawled at once needs, `archiving` or not (about 1.6 were measured
  /// per site at 1,000 sites without an archive); archiving adds its page index, facts file,
  /// WARC file and, when resumed, the WARC file its replay reads records from.
  static func perSite(archiving: Bool) -> Int { archiving ? 5 : 2 }

  /// Descriptors a crawl of `sites` sites at once needs.
  public static func needed(sitesAtOnce sites: Int, archiving: Bool = false) -> Int {
    base + perSite(archiving: archiving) * sites
  }

  /// Raises the soft limit to what `sites` sites at once need (`archiving`: crawled into an
  /// archive), or throws when the hard limit is lower.
  public static func ensure(sitesAtOnce sites: Int, archiving: Bool = false)
    throws(OpenFileLimitError)
  {
    var limit = rlimit()
    guard getrlimit(resource, &limit) == 0 else { return }
    let needed = rlim_t(needed(sitesAtOnce: sites, archiving: archiving))
    let refusal = { (allowed: rlim_t) in
      OpenFileLimitError(
        sites: sites, needed: Int(needed), allowed: Int(allowed),
        perSite: perSite(archiving: archiving))
    }
    guard limit.rlim_cur < needed else { return }
    guard limit.rlim_max >= needed else { throw refusal(limit.rlim_max) }
    limit.rlim_cur = needed
    guard setrlimit(resource, &limit) == 0 else { throw refusal(limit.rlim_cur) }
  }

  #if canImport(Glibc)
    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
  #else
    private static let resource = RLIMIT_NOFILE
  #endif
}

/// A crawl wider than the system's limit of open files.
public struct OpenFileLimitError: Error, CustomStringConvertible, Sendable {
  public var sites: Int
  public var needed: Int
  public var allowed: Int
  /// Descriptors each site needs.
  public var perSite: Int

  public var description: String {
    let most = max(1, (allowed - OpenFileLimit.base) / perSite)
    return
      "crawling \(sites) sites at once needs about \(needed) open files, but this system allows "
      + "\(allowed) (ulimit -n): use --concurrency \(most) or fewer, or raise the limit"
  }
}
