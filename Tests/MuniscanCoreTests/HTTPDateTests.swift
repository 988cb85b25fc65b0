import MuniscanCore
import Testing

@Suite struct HTTPDateTests {
  @Test func theThreeFormatsOfHTTP() {
    #expect(HTTPDate.day(from: "Thu, 12 Mar 2026 08:49:37 GMT") == Day(iso: "2026-03-12"))
    #expect(HTTPDate.day(from: "Thursday, 12-Mar-26 08:49:37 GMT") == Day(iso: "2026-03-12"))
    #expect(HTTPDate.day(from: "Thu Mar 12 08:49:37 2026") == Day(iso: "2026-03-12"))
  }

  @Test func epochAndGarbageAreNoDate() {
    #expect(HTTPDate.day(from: "Thu, 01 Jan 1970 00:00:00 GMT") == nil)
    #expect(HTTPDate.day(from: "garbage") == nil)
  }
}
