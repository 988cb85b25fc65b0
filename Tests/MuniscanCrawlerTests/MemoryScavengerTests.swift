import Foundation
import Testing

@testable import MuniscanCrawler

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

  private func residentAnonymousKilobytes() throws -> Int {
    let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") })
    return try #require(Int(line.split(separator: " ")[1]))
  }
}
