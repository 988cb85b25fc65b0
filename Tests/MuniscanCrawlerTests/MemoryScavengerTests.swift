import Foundation
import Testing

@testable import MuniscanCrawler

@Suite struct MemoryScavengerTests {
  /// Blocks freed between blocks that stay leave holes the allocator keeps resident; a trim
  /// gives their pages back (as a crawl frees page bodies between the URLs its sites keep).
  @Test func givesFreedHeapPagesBackToTheSystem() throws {
    let blocks = 1_500
    let blockBytes = 40 * 1024
    var freed: [UnsafeMutableRawPointer] = []
    var kept: [UnsafeMutableRawPointer] = []
    for _ in 0..<blocks {
      let block = try #require(malloc(blockBytes))
      memset(block, 1, blockBytes)
      freed.append(block)
      kept.append(try #require(malloc(64)))
    }
    freed.forEach { free($0) }
    let before = try residentAnonymousKilobytes()
    MemoryScavenger.trim()
    let after = try residentAnonymousKilobytes()
    kept.forEach { free($0) }
    // 60 MB were freed; at least half of it must leave the process.
    #expect(before - after > blocks * blockBytes / 2 / 1024, "\(before) kB before, \(after) after")
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
