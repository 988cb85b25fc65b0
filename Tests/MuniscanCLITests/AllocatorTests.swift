import MuniscanTestSupport
import Testing

/// The muniscan binary allocates through jemalloc, not glibc's malloc: a crawl allocates and
/// frees a page's parse, facts and records hundreds of times a second, and jemalloc does that
/// for 5–8 % less CPU (README, "Memory"). Linking the library is not enough to
/// prove it: a linker that drops an unreferenced library, or a glibc found first, would leave
/// glibc's allocator in place; jemalloc prints its statistics at exit only if it is the one in
/// use.
@Suite struct AllocatorTests {
  #if os(Linux)
    @Test func theBinaryAllocatesThroughJemalloc() throws {
      let result = try ChildProcess.runBlocking(
        "/usr/bin/env",
        [
          "MALLOC_CONF=stats_print:true", CommandRunner.repository + "/.build/debug/muniscan",
          "--version",
        ])
      #expect(result.status == 0)
      #expect(
        result.errors.contains("___ Begin jemalloc statistics ___"), "\(result.errors.prefix(200))")
    }
  #endif
}
