import FixtureServer
import Foundation
import Testing

/// StaticSites called directly, without a server.
@Suite struct StaticSitesTests {
  private func get(
    _ sites: StaticSites, _ host: String, _ target: String, method: String = "GET"
  ) -> (status: Int, body: String, contentType: String?, headers: [(String, String)]) {
    switch sites.respond(to: FixtureRequest(method: method, host: host, target: target)) {
    case .ok(let body, let contentType, let headers):
      return (200, String(decoding: body, as: UTF8.self), contentType, headers)
    case .status(let code, let body, let headers):
      return (code, String(decoding: body, as: UTF8.self), nil, headers)
    default:
      Issue.record("unexpected response kind")
      return (0, "", nil, [])
    }
  }

  @Test func listsHostsAndRejectsMissingRoot() throws {
    let fixtures = try SiteFixtures.make()
    defer { fixtures.remove() }
    #expect(try StaticSites(root: fixtures.root).hosts == ["naidisvald.ee", "www.teine.ee"])
    #expect(throws: FixtureServerError.self) {
      try StaticSites(root: fixtures.root + "/does-not-exist")
    }
    #expect(throws: FixtureServerError.self) {
      try StaticSites(root: fixtures.root + "/secret.txt")
    }
  }

  @Test func servesByHostWithWwwAliasing() throws {
    let fixtures = try SiteFixtures.make()
    defer { fixtures.remove() }
    let sites = try StaticSites(root: fixtures.root)
    #expect(get(sites, "naidisvald.ee", "/").body == "<h1>Näidisvald</h1>\n")
    #expect(get(sites, "www.naidisvald.ee", "/").body == "<h1>Näidisvald</h1>\n")
    #expect(get(sites, "WWW.Naidisvald.EE", "/").body == "<h1>Näidisvald</h1>\n")
    #expect(get(sites, "teine.ee", "/").body == "<h1>Teine</h1>\n")
    #expect(get(sites, "www.teine.ee", "/index.html").body == "<h1>Teine</h1>\n")
    #expect(get(sites, "kolmas.ee", "/").status == 404)
    #expect(get(sites, "", "/").status == 404)
    #expect(get(sites, "..", "/secret.txt").status == 404)
  }

  @Test func indexFilesCleanUrlsAndNotFound() throws {
    let fixtures = try SiteFixtures.make()
    defer { fixtures.remove() }
    let sites = try StaticSites(root: fixtures.root)
    #expect(get(sites, "naidisvald.ee", "/uudised/").body == "<p>uudised</p>\n")
    #expect(get(sites, "naidisvald.ee", "/uudised").body == "<p>uudised</p>\n")
    #expect(get(sites, "naidisvald.ee", "/kontakt").body == "<p>kontakt</p>\n")
    #expect(get(sites, "naidisvald.ee", "/kontakt.html").body == "<p>kontakt</p>\n")
    #expect(get(sites, "naidisvald.ee", "/kontakt/").status == 404)
    let missing = get(sites, "naidisvald.ee", "/puudub")
    #expect(missing.status == 404)
    #expect(missing.body.contains("Not Found"))
    #expect(get(sites, "naidisvald.ee", "/robots.txt").body.hasPrefix("User-agent: *"))
    #expect(get(sites, "naidisvald.ee", "/", method: "POST").status == 405)
    #expect(get(sites, "naidisvald.ee", "/", method: "HEAD").status == 200)
  }

  @Test func contentTypes() throws {
    let fixtures = try SiteFixtures.make()
    defer { fixtures.remove() }
    let sites = try StaticSites(root: fixtures.root)
    #expect(get(sites, "naidisvald.ee", "/").contentType == "text/html")
    #expect(get(sites, "naidisvald.ee", "/vana.win1257.html").contentType == "text/html")
    #expect(get(sites, "naidisvald.ee", "/robots.txt").contentType == "text/plain; charset=utf-8")
    #expect(get(sites, "naidisvald.ee", "/sitemap.xml").contentType == "application/xml")
    #expect(get(sites, "naidisvald.ee", "/dokumendid/eelarve.pdf").contentType == "application/pdf")
  }

  @Test func queriesMapToFilesOrAreIgnored() throws {
    let fixtures = try SiteFixtures.make()
    defer { fixtures.remove() }
    let sites = try StaticSites(root: fixtures.root)
    #expect(get(sites, "naidisvald.ee", "/uudised/?page=2").body == "<p>uudised 2</p>\n")
    #expect(get(sites, "naidisvald.ee", "/uudised?page=2").body == "<p>uudised 2</p>\n")
    #expect(get(sites, "naidisvald.ee", "/uudised/?page=3").body == "<p>uudised</p>\n")
    #expect(
      get(sites, "naidisvald.ee", "/otsing?q=eelarve&lang=et").body == "<p>otsing eelarve</p>\n")
    #expect(get(sites, "naidisvald.ee", "/otsing?q=muu").body == "<p>otsing</p>\n")
    #expect(get(sites, "naidisvald.ee", "/?").body == "<h1>Näidisvald</h1>\n")
  }

  @Test func redirectsFile() throws {
    let fixtures = try SiteFixtures.make()
    defer { fixtures.remove() }
    let sites = try StaticSites(root: fixtures.root)
    let moved = get(sites, "www.naidisvald.ee", "/vana-leht")
    #expect(moved.status == 301)
    #expect(moved.headers.contains { $0.0 == "Location" && $0.1 == "/kontakt" })
    let temporary = get(sites, "naidisvald.ee", "/ajutine")
    #expect(temporary.status == 302)
    #expect(temporary.headers.contains { $0.0 == "Location" && $0.1 == "https://www.teine.ee/" })
    #expect(get(sites, "naidisvald.ee", "/kadunud").status == 410)
    #expect(get(sites, "naidisvald.ee", "/otsing?old=1").status == 301)
    #expect(get(sites, "naidisvald.ee", "/_redirects").status == 404)
    #expect(get(sites, "teine.ee", "/vana-leht").status == 404)
  }

  @Test(arguments: [
    "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/uudised/../../secret.txt",
    "/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/..\\secret.txt",
    "/..%5csecret.txt", "/.hidden", "/%2ehidden", "/link-out.txt", "/uudised/%00", "/%zz",
    "../secret.txt", "/./../secret.txt", "/%252e%252e/secret.txt",
  ])
  func traversalNeverEscapesTheRoot(target: String) throws {
    let fixtures = try SiteFixtures.make()
    defer { fixtures.remove() }
    let sites = try StaticSites(root: fixtures.root)
    let answer = get(sites, "naidisvald.ee", target)
    #expect(answer.status == 404)
    #expect(!answer.body.contains("secret"))
  }
}
