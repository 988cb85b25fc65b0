import Testing

@testable import MuniscanCrawler

@Suite struct FrontierTests {
  @Test func givesEachURLOnceInTheOrderFound() {
    var frontier = Frontier()
    let added = [
      frontier.add("https://vald.ee/a", depth: 1), frontier.add("https://vald.ee/b", depth: 2),
      frontier.add("https://vald.ee/a", depth: 3),
    ]
    frontier.markSeen("https://vald.ee/c")
    let addedSeen = frontier.add("https://vald.ee/c", depth: 1)
    #expect(added == [true, true, false] && !addedSeen)
    #expect(frontier.hasSeen("https://vald.ee/c"))
    #expect(!frontier.hasSeen("https://vald.ee/A"))
    var taken: [String] = []
    var depths: [Int] = []
    while let (url, depth) = frontier.next() {
      taken.append(url)
      depths.append(depth)
    }
    #expect(taken == ["https://vald.ee/a", "https://vald.ee/b"] && depths == [1, 2])
  }

  @Test func givesBackEveryURLAndDepthAsAdded() {
    var frontier = Frontier()
    let long = "https://vald.ee/" + String(repeating: "õigusaktid/", count: 200)
    let urls = ["https://vald.ee/otsing?q=ülevaade&lk=2", long, "https://вальд.ee/новости", ""]
    for (index, url) in urls.enumerated() { frontier.add(url, depth: [0, 7, 1_000_000, 3][index]) }
    var taken: [(String, Int)] = []
    while let next = frontier.next() { taken.append(next) }
    #expect(taken.map(\.0) == urls && taken.map(\.1) == [0, 7, 1_000_000, 3])
    frontier.add("https://vald.ee/uus", depth: 2)
    #expect(frontier.next()! == ("https://vald.ee/uus", 2) && frontier.next() == nil)
  }

  /// URLs added while others are taken come out breadth-first, and URLs taken long ago are
  /// still known as seen.
  @Test func keepsOrderAndRemembersURLsTakenLongAgo() {
    var frontier = Frontier()
    var taken: [String] = []
    for round in 0..<50 {
      for index in 0..<30 { frontier.add("https://vald.ee/\(round)/\(index)", depth: round) }
      for _ in 0..<25 { taken.append(frontier.next()!.url) }
    }
    while let (url, _) = frontier.next() { taken.append(url) }
    let expected = (0..<50).flatMap { round in (0..<30).map { "https://vald.ee/\(round)/\($0)" } }
    #expect(taken == expected)
    #expect(expected.allSatisfy { frontier.hasSeen($0) })
  }

  @Test func fingerprintsAreTheSameInEveryRunAndTellURLsApart() {
    // ByteHash of "https://vald.ee/" under the fixed seed: the same in every process.
    let fingerprint = URLFingerprint("https://vald.ee/")
    #expect(fingerprint.value == 0x4bc0_1ca2_8fdd_6ac4)
    #expect(fingerprint != URLFingerprint("https://vald.ee"))
    let many = Set((0..<100_000).map { URLFingerprint("https://vald.ee/page-\($0)") })
    #expect(many.count == 100_000)
  }
}
