import MuniscanHTTP
import Testing

/// A response head becomes its header fields as the crawler and the archive use them: in
/// order, repeated fields kept, folded lines joined, text read as UTF-8 or else ISO-8859-1.
@Suite struct HTTPResponseHeadTests {
  func fields(_ raw: [UInt8]) -> [String] {
    HTTPResponseHead.headers(from: raw).map { "\($0.name)=\($0.value)" }
  }

  func fields(_ raw: String) -> [String] { fields(Array(raw.utf8)) }

  @Test func fieldsInOrderAfterTheStatusLine() {
    #expect(
      fields(
        "HTTP/1.1 200 OK\r\nContent-Type:  text/html \r\nSet-Cookie: a=1\r\nSet-Cookie:b=2\r\n"
          + "X-Empty:\r\n\r\nAfter: the head\r\n")
        == ["Content-Type=text/html", "Set-Cookie=a=1", "Set-Cookie=b=2", "X-Empty="])
    #expect(fields("HTTP/1.1 200 OK\nA: 1\nB:\t2\t\n") == ["A=1", "B=2"])
    #expect(fields("HTTP/1.1 204 No Content").isEmpty)
    #expect(fields("").isEmpty)
    // A last line without its line end is a field all the same.
    #expect(fields("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2") == ["A=1", "B=2"])
  }

  @Test func foldedLinesJoinTheFieldBeforeThem() {
    #expect(
      fields("HTTP/1.1 200 OK\r\n folded first\r\nA: one\r\n two\r\n\tthree \r\nB:\r\n  b\r\n \r\n")
        == ["A=one two three", "B=b"])
  }

  @Test func linesThatAreNoFieldAreSkipped() {
    #expect(
      fields("HTTP/1.1 200 OK\r\nno colon here\r\n: no name\r\nA: 1\r\n \t: x\r\n") == ["A=1 : x"])
  }

  @Test func textIsUTF8ElseLatin1() {
    #expect(fields("HTTP/1.1 200 OK\r\nX-Vald: Põlva\r\n") == ["X-Vald=Põlva"])
    let latin1: [UInt8] =
      Array("HTTP/1.1 200 OK\r\nX-Vald: P".utf8) + [0xF5] + Array("lva\r\n".utf8)
    #expect(fields(latin1) == ["X-Vald=Põlva"])
  }
}
