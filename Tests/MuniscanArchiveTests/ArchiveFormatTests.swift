import Foundation
import MuniscanHTTP
import Testing

@testable import MuniscanArchive

@Suite struct ArchiveFormatTests {
  @Test func digestsAreSHA1InBase32() {
    // The payload digest of an empty body, as found in WARC files written by Heritrix and wget.
    #expect(WARCDigest.sha1([]) == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")
    #expect(WARCDigest.sha1(Array("abc".utf8)) == "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5")
    // RFC 4648 §10 test vectors.
    #expect(WARCDigest.base32(Array("foobar".utf8)) == "MZXW6YTBOI======")
    let vectors = [
      "": "", "f": "MY======", "fo": "MZXQ====", "foo": "MZXW6===", "foob": "MZXW6YQ=",
    ]
    for (input, encoded) in vectors { #expect(WARCDigest.base32(Array(input.utf8)) == encoded) }
    #expect(WARCDigest.base32(Array("fooba".utf8)) == "MZXW6YTB")
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

  @Test func recordHeadsAreReadAsOtherWARCWritersWriteThem() throws {
    let written =
      Array(
        "WARC/1.0\r\nwarc-type:  response \r\nWARC-Target-URI:\thttps://a.ee/õ\r\n"
          .utf8) + Array("CONTENT-LENGTH: 2\r\n\r\nhi\r\n\r\n".utf8)
    let record = try #require(WARCRecord(parsing: written))
    #expect(record.type == "response")
    #expect(record.field("warc-target-uri") == "https://a.ee/õ")
    #expect(record.block == Array("hi".utf8))
    // A field line without a colon, another version, or no empty line ending the head: no record.
    #expect(
      WARCRecord(parsing: Array("WARC/1.1\r\nWARC-Type\r\nContent-Length: 0\r\n\r\n\r\n\r\n".utf8))
        == nil)
    #expect(WARCRecord(parsing: Array("WARC/2.0\r\nContent-Length: 0\r\n\r\n\r\n\r\n".utf8)) == nil)
    #expect(WARCRecord(parsing: Array("WARC/1.1\r\nContent-Length: 0\n\n".utf8)) == nil)
    #expect(RecordHead.end(of: Array("a\r\n\r\r\n\r\nb".utf8)) == 8)
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

  /// The status is read from the status line alone, which must begin the head.
  @Test func theStatusIsTheStatusLines() {
    let heads: [(String, Int?)] = [
      ("HTTP/1.1 404 Not Found\r\nA: 1\r\n\r\n", 404), ("HTTP/1.0 301\nLocation: /\n\n", 301),
      ("HTTP/2 200", 200), ("\r\nHTTP/1.1 200 OK\r\n", nil), ("ICY 200 OK\r\n", nil),
      ("HTTP/1.1 abc\r\n", nil), ("HTTP/1.1\r\n200\r\n", nil), ("", nil),
    ]
    for (head, status) in heads {
      #expect(StoredHTTPHead.status(Array(head.utf8)) == status, "\(head)")
    }
  }

  /// A renamed field is found whatever the case of its name and the spaces around it, and its
  /// continuation lines go with it; a field that only begins like one is kept as it is.
  @Test func renamedFieldsAreFoundWhateverTheirCaseAndSpacing() {
    let raw =
      "HTTP/1.1 200 OK\r\ncontent-LENGTH : 5\r\n\tTransfer-Encoding:\tchunked\r\n"
      + " folded\r\nContent-Lengthy: 1\r\nCONTENT-ENCODING:br\r\n\r\n"
    let response = HTTPResponse(
      url: "https://a.ee/", status: 200, headers: [], body: Array("hello".utf8),
      bodyTruncated: false, rawResponseHead: Array(raw.utf8), remoteAddress: nil)
    #expect(
      String(decoding: StoredHTTPHead.head(for: response, bodyLength: 5), as: UTF8.self)
        == "HTTP/1.1 200 OK\r\nX-Muniscan-Original-content-LENGTH : 5\r\n"
        + "\tTransfer-Encoding:\tchunked\r\n folded\r\nContent-Lengthy: 1\r\n"
        + "X-Muniscan-Original-CONTENT-ENCODING:br\r\nContent-Length: 5\r\n\r\n")
  }
}
