import FixtureServer
import Testing

/// StaticSites behind a real FixtureServer, observed with curl.
@Suite struct ServerStaticTests {
  @Test func servesSitesByHostHeaderOnOnePort() async throws {
    try await withStaticSites { server, _ in
      let port = server.port
      let args = resolve("naidisvald.ee", "teine.ee", port: port)
      let first = try await curl(args + ["http://www.naidisvald.ee:\(port)/"])
      #expect(first.exitCode == 0)
      #expect(first.text == "<h1>Näidisvald</h1>\n")
      let bare = try await curl(args + ["http://naidisvald.ee:\(port)/"])
      #expect(bare.text == "<h1>Näidisvald</h1>\n")
      let other = try await curl(args + ["http://teine.ee:\(port)/"])
      #expect(other.text == "<h1>Teine</h1>\n")
      let hosts = server.requestLog.map(\.host)
      #expect(hosts == ["www.naidisvald.ee", "naidisvald.ee", "teine.ee"])
    }
  }

  @Test func notFoundAndTraversal() async throws {
    try await withStaticSites { server, _ in
      let port = server.port
      let args = resolve("naidisvald.ee", port: port) + ["-w", "%{http_code}", "--path-as-is"]
      for path in ["/puudub", "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"] {
        let result = try await curl(args + ["http://www.naidisvald.ee:\(port)\(path)"])
        #expect(result.writeOut == "404", "\(path)")
        #expect(!result.text.contains("secret"), "\(path)")
      }
      let unknownHost = try await curl(
        ["-w", "%{http_code}", "-H", "Host: kolmas.ee", "http://127.0.0.1:\(port)/"])
      #expect(unknownHost.writeOut == "404")
    }
  }

  @Test func headHasNoBodyAndKeepsTheConnectionUsable() async throws {
    try await withStaticSites { server, _ in
      let port = server.port
      let url = "http://www.naidisvald.ee:\(port)/"
      let head = try await curl(resolve("naidisvald.ee", port: port) + ["-I", url])
      #expect(head.exitCode == 0)
      #expect(head.text.contains("Content-Length: 21\r\n"))  // "<h1>Näidisvald</h1>\n"
      #expect(head.text.hasSuffix("\r\n\r\n"))
      // HEAD then GET on one connection: a stray body after the HEAD would corrupt the GET.
      let both = try await curl(
        resolve("naidisvald.ee", port: port) + [
          "-I", url, "-w", "%{num_connects} ", "--next",
        ] + resolve("naidisvald.ee", port: port) + [url, "-w", "%{num_connects} %{http_code}"])
      #expect(both.exitCode == 0)
      #expect(both.writeOut == "1 0 200")
      #expect(both.text.hasSuffix("\r\n\r\n<h1>Näidisvald</h1>\n"))
      #expect(server.requestLog.map(\.method) == ["HEAD", "HEAD", "GET"])
    }
  }

  @Test func keepAliveForHTTP11AndCloseForHTTP10() async throws {
    try await withStaticSites { server, _ in
      let port = server.port
      let urls = ["http://naidisvald.ee:\(port)/", "http://naidisvald.ee:\(port)/kontakt"]
      let args = resolve("naidisvald.ee", port: port) + ["-w", "%{num_connects} "]
      let kept = try await curl(args + urls)
      #expect(kept.writeOut == "1 0 ")
      #expect(kept.text == "<h1>Näidisvald</h1>\n<p>kontakt</p>\n")
      let closed = try await curl(args + ["-0"] + urls)
      #expect(closed.writeOut == "1 1 ")
      #expect(closed.text == "<h1>Näidisvald</h1>\n<p>kontakt</p>\n")
    }
  }

  @Test func redirectsAndQueries() async throws {
    try await withStaticSites { server, _ in
      let port = server.port
      let args = resolve("naidisvald.ee", port: port) + ["-w", "%{http_code} %{redirect_url}"]
      let moved = try await curl(args + ["http://naidisvald.ee:\(port)/vana-leht"])
      #expect(moved.writeOut == "301 http://naidisvald.ee:\(port)/kontakt")
      let followed = try await curl(args + ["-L", "http://naidisvald.ee:\(port)/vana-leht"])
      #expect(followed.text == "<p>kontakt</p>\n")
      let query = try await curl(args + ["http://naidisvald.ee:\(port)/uudised/?page=2"])
      #expect(query.text == "<p>uudised 2</p>\n")
      #expect(server.requestLog.map(\.target).last == "/uudised/?page=2")
      #expect(server.requestLog.last?.path == "/uudised/")
      #expect(server.requestLog.last?.query == "page=2")
    }
  }
}
