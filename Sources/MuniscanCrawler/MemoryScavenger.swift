#if canImport(Glibc)
  import CMalloc
#endif

/// Gives the pages of freed heap memory back to the system while many sites are crawled.
///
/// glibc's allocator keeps what a program frees for its next allocations and returns only the
/// top of each heap to the system. A crawl frees a page's body, tree and facts a few
/// milliseconds after taking them, between the small allocations that stay (each site's URLs
/// seen and waiting, its problem lines), so the freed pages sit in holes it never returns: a
/// crawl of a thousand sites of a hundred pages held 6–10 MB more than with this. Trimming once
/// a second returns them, as Go's scavenger or jemalloc's background purge do; elsewhere than
/// glibc it does nothing.
enum MemoryScavenger {
  /// How often a crawl trims: often enough that freed pages do not pile up between two trims,
  /// rarely enough that the trim's walk over the heaps costs nothing measurable.
  static let interval = Duration.seconds(1)

  /// Trims every `interval` until the calling task is cancelled.
  static func run() async {
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      trim()
    }
  }

  /// Returns the whole pages of freed heap memory to the system now.
  static func trim() {
    #if canImport(Glibc)
      _ = malloc_trim(0)
    #endif
  }
}
