import MuniscanCore
import Testing

@Suite struct UTCTimeTests {
  @Test func writesSecondsInUTCWithEveryFieldZeroPadded() {
    #expect(UTCTime.iso(1_795_683_907) == "2026-11-26T09:05:07Z")
    #expect(UTCTime.iso(0) == "1970-01-01T00:00:00Z")
    #expect(UTCTime.iso(946_684_799.9) == "1999-12-31T23:59:59Z")
    #expect(UTCTime.iso(253_402_300_799) == "9999-12-31T23:59:59Z")
  }

  @Test func compactFormIsTheSameMomentWithoutSeparators() {
    #expect(UTCTime.compact(1_795_683_907) == "20261126090507")
    #expect(UTCTime.compact(0) == "19700101000000")
  }

  @Test func aYearPastFourDigitsIsWrittenWhole() {
    #expect(UTCTime.iso(253_402_300_800) == "10000-01-01T00:00:00Z")
  }
}
