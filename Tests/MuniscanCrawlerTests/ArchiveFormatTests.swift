import Foundation
import MuniscanHTTP
import Testing

@testable import MuniscanCrawler

@Suite struct ArchiveFormatTests {
  @Test func digestsAreSHA1InBase32() {
    // The payload digest of an empty body, as found in WARC files written by Heritrix and wget.
    #expect(WARCDigest.sha1([]) == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")
    #expect(WARCDigest.sha1(Array("abc".utf8)) == "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5")
    // RFC 4648 §10 test vectors.
    #expect(WARCDigest.base32(Array("foobar".utf8)) == "MZXW6YTBOI======")
    #expect(WARCDigest.base32(Array("fo".utf8)) == "MZXQ====")
  }

  @Test func gzipMembersRoundTripAndStopAtTheirEnd() {
    let first = GzipMember.compress(Array("first record".utf8))
    let second = GzipMember.compress(Array(repeating: UInt8(ascii: "x"), count: 200_000))
    let both = first + second
    let inflated = both.withUnsafeBytes { GzipMember.inflate($0) }
    #expect(inflated == .member(Array("first record".utf8), length: first.count))
    let rest = both[first.count...].withUnsafeBytes { GzipMember.inflate($0) }
    #expect(
      rest == .member(Array(repeating: UInt8(ascii: "x"), count: 200_000), length: second.count))
  }

  @Test func tornAndCorruptMembersAreTold() {
    let member = GzipMember.compress(Array(repeating: UInt8(ascii: "y"), count: 5000))
    for cut in [1, 10, member.count / 2, member.count - 1] {
      #expect(
        member.prefix(cut).withUnsafeBytes { GzipMember.inflate($0) } == .torn, "cut at \(cut)")
    }
    let garbage = Array("not gzip at all".utf8).withUnsafeBytes { GzipMember.inflate($0) }
    guard case .corrupt = garbage else {
      Issue.record("garbage read as \(garbage)")
      return
    }
    var flipped = member
    flipped[member.count - 6] ^= 0xFF  // the CRC-32 in the trailer
    guard case .corrupt = flipped.withUnsafeBytes({ GzipMember.inflate($0) }) else {
      Issue.record("a wrong CRC went unnoticed")
      return
    }
  }

  @Test func recordsRoundTripAndRejectWrongLengths() throws {
    let record = WARCRecord(
      fields: [("WARC-Type", "resource"), ("WARC-Target-URI", "https://a.ee/")],
      block: Array("hello\r\n\r\n".utf8))
    let bytes = record.bytes
    #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("WARC/1.1\r\nWARC-Type: resource\r\n"))
    #expect(String(decoding: bytes, as: UTF8.self).contains("Content-Length: 9\r\n\r\nhello"))
    #expect(WARCRecord(parsing: bytes) == record)
    #expect(WARCRecord(parsing: Array(bytes.dropLast(3))) == nil)
    #expect(WARCRecord(parsing: bytes + [65]) == nil)
  }

  @Test func storedHeadsDropTheCodingOfTheDecodedBodyAndGiveItBack() throws {
    let exchange = ArchiveFixture.exchange(path: "uudised", body: "<p>Tere</p>")
    let head = StoredHTTPHead.head(for: exchange.response, bodyLength: 11)
    #expect(
      String(decoding: head, as: UTF8.self)
        == "HTTP/1.1 200 X\r\nContent-Type: text/html; charset=utf-8\r\nX-Muniscan-Original-Content-Encoding: gzip\r\n"
        + "X-Muniscan-Original-Transfer-Encoding: chunked\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n"
        + "Content-Length: 11\r\n\r\n")
    let stored = StoredHTTPHead.originalHeaders(HTTPResponseHead.headers(from: head))
    #expect(stored == exchange.response.headers)
    #expect(StoredHTTPHead.status(head) == 200)
  }
}
