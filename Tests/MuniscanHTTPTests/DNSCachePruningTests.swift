import Testing

@testable import MuniscanHTTP

@Suite("DNS cache pruning: one transfer a second walks libcurl's DNS cache")
struct DNSCachePruningTests {
  @Test func theFirstTransferPrunesAndTheNextWithinASecondDoNot() {
    var pruning = DNSCachePruning()
    let start = ContinuousClock.now
    #expect(pruning.timeout(startingAt: start) == DNSCachePruning.seconds)
    #expect(pruning.timeout(startingAt: start + .milliseconds(1)) == -1)
    #expect(pruning.timeout(startingAt: start + .milliseconds(999)) == -1)
  }

  @Test func aTransferASecondAfterTheLastPrunePrunesAgain() {
    var pruning = DNSCachePruning()
    let start = ContinuousClock.now
    _ = pruning.timeout(startingAt: start)
    _ = pruning.timeout(startingAt: start + .milliseconds(500))
    #expect(pruning.timeout(startingAt: start + .seconds(1)) == DNSCachePruning.seconds)
    #expect(pruning.timeout(startingAt: start + .milliseconds(1500)) == -1)
    #expect(pruning.timeout(startingAt: start + .milliseconds(2000)) == DNSCachePruning.seconds)
  }

  @Test func transfersASecondOrMoreApartAllPrune() {
    var pruning = DNSCachePruning()
    let start = ContinuousClock.now
    for second in 0..<5 {
      #expect(pruning.timeout(startingAt: start + .seconds(second)) == DNSCachePruning.seconds)
    }
  }
}
