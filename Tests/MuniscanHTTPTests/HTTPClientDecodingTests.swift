import Foundation
import MuniscanHTTP
import Testing

@Suite("HTTPClient content decoding and body cap") struct HTTPClientDecodingTests {
  @Test func gzipBodyIsDecoded() async throws {
    try await withServer({ request in
      .send(
        LoopbackServer.response(
          headers: [("Content-Encoding", "gzip")], body: CompressedFixtures.smallGzip,
          for: request))
    }) { server, client in
      let response = try await client.fetch(HTTPRequest(url: server.url + "/"))
      #expect(response.body.text == CompressedFixtures.smallGzipPlain)
      #expect(!response.bodyTruncated)
      #expect(response.header("Content-Encoding") == "gzip")
    }
  }

  @Test func wholeDecodedBombFitsUnderALargeCap() async throws {
    try await withServer({ request in
      .send(
        LoopbackServer.response(
          headers: [("Content-Encoding", "gzip")], body: CompressedFixtures.gzipBomb,
          for: request))
    }) { server, client in
      let response = try await client.fetch(HTTPRequest(url: server.url + "/"))
      #expect(response.body.count == CompressedFixtures.bombDecodedSize)
      #expect(!response.bodyTruncated)
    }
  }

  @Test(arguments: ["gzip", "zstd"])
  func bombIsCutAtTheCapOfDecodedBytes(encoding: String) async throws {
    let compressed = encoding == "gzip" ? CompressedFixtures.gzipBomb : CompressedFixtures.zstdBomb
    try await withServer(
      configuration: testConfiguration(maxBodyBytes: 100_000),
      { request in
        .send(
          LoopbackServer.response(
            headers: [("Content-Encoding", encoding)], body: compressed, for: request))
      }
    ) { server, client in
      let response = try await client.fetch(HTTPRequest(url: server.url + "/bomb"))
      #expect(response.status == 200)
      #expect(response.bodyTruncated)
      #expect(response.body.count == 100_000)
      #expect(response.body.allSatisfy { $0 == 0 })
    }
  }

  @Test func bodyExactlyAtTheCapIsNotTruncated() async throws {
    try await withServer(
      configuration: testConfiguration(maxBodyBytes: 5),
      { request in
        .send(LoopbackServer.response(text: request.target == "/five" ? "12345" : "123456"))
      }
    ) { server, client in
      let five = try await client.fetch(HTTPRequest(url: server.url + "/five"))
      #expect(five.body.text == "12345")
      #expect(!five.bodyTruncated)
      let six = try await client.fetch(HTTPRequest(url: server.url + "/six"))
      #expect(six.body.text == "12345")
      #expect(six.bodyTruncated)
    }
  }
}
