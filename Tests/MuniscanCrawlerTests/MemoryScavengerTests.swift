import Foundation
import MuniscanCore
import Testing

@testable import MuniscanCrawler

#if canImport(CJemalloc)
  import CJemalloc
#endif

@Suite struct MemoryScavengerTests {
  /// Blocks freed between blocks that stay are pages the allocator keeps resident for its next
  /// allocations; a trim gives them back (as a crawl frees page bodies between the URLs its
  /// sites keep). The blocks that stay are as large as the freed ones, so that no free space an
  /// earlier test left can take them and let the freed blocks run together into memory the
  /// allocator returns by itself.
  @Test func givesFreedHeapPagesBackToTheSystem() throws {
    let pairs = 1_000
    let blockBytes = 32 * 1024
    var freed: [UnsafeMutableRawPointer] = []
    var kept: [UnsafeMutableRawPointer] = []
    for _ in 0..<pairs {
      freed.append(try #require(malloc(blockBytes)))
      kept.append(try #require(malloc(blockBytes)))
      memset(freed[freed.count - 1], 1, blockBytes)
      memset(kept[kept.count - 1], 1, blockBytes)
    }
    freed.forEach { free($0) }
    let before = try residentAnonymousKilobytes()
    MemoryScavenger.trim()
    let after = try residentAnonymousKilobytes()
    kept.forEach { free($0) }
    // 32 MB were freed in holes of 32 KB; at least half of it must leave the process.
    #expect(before - after > pairs * blockBytes / 2 / 1024, "\(before) kB before, \(after) after")
  }

  /// The scavenger stops when its task is cancelled.
  @Test(.timeLimit(.minutes(1))) func stopsWhenCancelled() async {
    let scavenger = Task { await MemoryScavenger.run() }
    scavenger.cancel()
    await scavenger.value
  }

  /// Every thread allocates from jemalloc's one arena (CJemallocOptions), so memory one thread
  /// frees (a site's facts, judged on another thread than the one that read them) is there for
  /// the next allocation on any thread, not kept in an arena no thread allocates from.
  @Test func everyThreadAllocatesFromTheOneArena() throws {
    #if canImport(CJemalloc)
      let arenas = Locked<[UInt32]>([])
      let done = DispatchSemaphore(value: 0)
      let threads = 4
      for _ in 0..<threads {
        Thread {
          var arena: UInt32 = .max
          var size = MemoryLayout<UInt32>.size
          _ = mallctl("thread.arena", &arena, &size, nil, 0)
          arenas.withLock { $0.append(arena) }
          done.signal()
        }.start()
      }
      for _ in 0..<threads { done.wait() }
      #expect(arenas.withLock { $0 } == Array(repeating: 0, count: threads))
    #endif
  }

  private func residentAnonymousKilobytes() throws -> Int {
    let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") })
    return try #require(Int(line.split(separator: " ")[1]))
  }
}
