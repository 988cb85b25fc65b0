import Testing

@testable import MuniscanAudit

/// A worker's slots claim freely while there is work, and one at a time, a poll interval apart,
/// once the queue was found empty.
@Suite struct ClaimGateTests {
  @Test func anEmptyQueueIsAskedByOneSlotAPollIntervalApart() async throws {
    let gate = ClaimGate(poll: .milliseconds(100))
    #expect(await gate.mayClaim())
    #expect(await gate.mayClaim())
    await gate.claimed(found: false)
    #expect(await !gate.mayClaim())
    try await Task.sleep(for: .milliseconds(150))
    #expect(await gate.mayClaim())
    #expect(await !gate.mayClaim())
    await gate.claimed(found: true)
    #expect(await gate.mayClaim())
    #expect(await gate.mayClaim())
  }
}
