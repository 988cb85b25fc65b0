#if canImport(CJemalloc)
  import CJemalloc
#endif

/// Gives the pages of freed heap memory back to the system while many sites are crawled.
///
/// A crawl frees a page's body, tree and facts a few milliseconds after taking them, between
/// the small allocations that stay (each site's URLs seen and waiting, its problem lines).
/// jemalloc, the allocator of every program that links the crawler, keeps freed pages for its
/// next allocations and returns them only as they decay (over 10 s). Returning every free at
/// once (`dirty_decay_ms:0`) took a crawl of a thousand sites of a hundred pages from 97.6–98.3
/// to 91.6 MB at its peak but doubled its system time; purging four times a second returns
/// freed pages for nothing measurable, as Go's scavenger does: that crawl peaked at 93.4–97.4 MB
/// (six runs) against 95.3–101.5 MB purging once a second (six runs alternating with them, two
/// over 100 MB), at the same CPU per page. Where jemalloc is not linked it does nothing.
enum MemoryScavenger {
  /// How often a crawl purges: often enough that freed pages do not pile up between two
  /// purges, rarely enough that the purge costs nothing measurable.
  static let interval = Duration.milliseconds(250)

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
