#if canImport(CJemalloc)
  import CJemalloc
#endif

/// Gives the pages of freed heap memory back to the system while many sites are crawled.
///
/// A crawl frees a page's body, tree and facts a few milliseconds after taking them, between
/// the small allocations that stay (each site's URLs seen and waiting, its problem lines).
/// jemalloc, the allocator of every program that links the crawler, keeps freed pages for its
/// next allocations and returns them only as they decay (over 10 s): a crawl of a thousand
/// sites of a hundred pages peaked 6 MB higher than when every free was returned at once, and
/// returning every free at once doubled the crawl's system time. Purging once a second returns
/// them, as Go's scavenger does; where jemalloc is not linked it does nothing.
enum MemoryScavenger {
  /// How often a crawl purges: often enough that freed pages do not pile up between two
  /// purges, rarely enough that the purge costs nothing measurable.
  static let interval = Duration.seconds(1)

  /// Purges every `interval` until the calling task is cancelled.
  static func run() async {
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      trim()
    }
  }

  /// Returns the pages of freed heap memory to the system now.
  static func trim() {
    #if canImport(CJemalloc)
      _ = muniscan_purge_freed_pages()
    #endif
  }
}
