import Testing

@testable import MuniscanAudit

/// A worker's slots claim freely while there is work, and one at a time, a poll interval apart,
/// once the queue was found empty. The gate is asked at given instants, so the machine's load
/// cannot move its answers.
@Suite struct ClaimGateTests {
  @Test func anEmptyQueueIsAskedByOneSlotAPollIntervalApart() async throws {
    let gate = ClaimGate(poll: .milliseconds(100))
    let start = ContinuousClock.now
    #expect(await gate.mayClaim(at: start))
    #expect(await gate.mayClaim(at: start))
    await gate.claimed(found: false, at: start)
    #expect(await !gate.mayClaim(at: start + .milliseconds(99)))
    #expect(await gate.mayClaim(at: start + .milliseconds(100)))
    // One slot asks; the others wait for its answer, however late it comes.
    #expect(await !gate.mayClaim(at: start + .seconds(5)))
    await gate.claimed(found: false, at: start + .seconds(5))
    #expect(await !gate.mayClaim(at: start + .milliseconds(5_050)))
    #expect(await gate.mayClaim(at: start + .milliseconds(5_100)))
    await gate.claimed(found: true, at: start + .milliseconds(5_120))
    #expect(await gate.mayClaim(at: start + .milliseconds(5_120)))
    #expect(await gate.mayClaim(at: start + .milliseconds(5_120)))
  }
}
