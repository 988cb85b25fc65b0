#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The open files a crawl needs, and the process's limit raised to them. Each site crawled at
/// once holds a spool file and a connection; a process out of descriptors fails connections as
/// if sites were unreachable (a wrong ranking) and libdispatch aborts, so a crawl wider than the
/// system allows is refused before it starts, and a low soft limit (1024 on Debian) is raised
/// to what the crawl needs when the hard limit allows.
public enum OpenFileLimit {
  /// Descriptors the process holds besides its sites': standard streams, archive and database
  /// files, libcurl's and libdispatch's own.
  static let base = 64

  /// Descriptors a crawl of `sites` sites at once needs (about 1.6 per site were measured at
  /// 1,000 sites).
  public static func needed(sitesAtOnce sites: Int) -> Int { base + 2 * sites }

  /// Raises the soft limit to what `sites` sites at once need, or throws when the hard limit is
  /// lower.
  public static func ensure(sitesAtOnce sites: Int) throws(OpenFileLimitError) {
    var limit = rlimit()
    guard getrlimit(resource, &limit) == 0 else { return }
    let needed = rlim_t(needed(sitesAtOnce: sites))
    guard limit.rlim_cur < needed else { return }
    guard limit.rlim_max >= needed else {
      throw OpenFileLimitError(sites: sites, needed: Int(needed), allowed: Int(limit.rlim_max))
    }
    limit.rlim_cur = needed
    guard setrlimit(resource, &limit) == 0 else {
      throw OpenFileLimitError(sites: sites, needed: Int(needed), allowed: Int(limit.rlim_cur))
    }
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

  public var description: String {
    let most = max(1, (allowed - OpenFileLimit.base) / 2)
    return
      "crawling \(sites) sites at once needs about \(needed) open files, but this system allows "
      + "\(allowed) (ulimit -n): use --concurrency \(most) or fewer, or raise the limit"
  }
}
