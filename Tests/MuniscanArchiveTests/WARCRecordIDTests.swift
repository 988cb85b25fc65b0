import Foundation
import Testing

@testable import MuniscanArchive

@Suite struct WARCRecordIDTests {
  /// Record IDs are URNs of random (version 4, RFC 9562 variant) UUIDs, each one new.
  @Test func idsAreURNsOfRandomUUIDs() throws {
    let pattern = try Regex(
      "^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>$")
    let ids = (0..<10_000).map { _ in WARCRecordID.make() }
    #expect(ids.allSatisfy { $0.wholeMatch(of: pattern) != nil })
    #expect(Set(ids).count == ids.count)
    // Every hex digit outside the fixed ones varies: the bytes are drawn, not left zero.
    let digits = Set(ids.flatMap { Array($0.dropFirst(10).prefix(8)) })
    #expect(digits.count == 16)
  }
}
