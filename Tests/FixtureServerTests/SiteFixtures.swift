import FixtureServer
import Foundation

/// A temporary folder of fixture sites, removed by `remove()`.
struct SiteFixtures {
  let root: String

  /// Two sites (`naidisvald.ee` and `www.teine.ee`) plus a secret file beside them that must
  /// never be served.
  static func make() throws -> SiteFixtures {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("fixture-sites-\(UUID().uuidString)").path
    let files: [String: String] = [
      "secret.txt": "top secret\n",
      "naidisvald.ee/index.html": "<h1>Näidisvald</h1>\n",
      "naidisvald.ee/robots.txt": "User-agent: *\nDisallow: /private/\n",
      "naidisvald.ee/sitemap.xml": "<urlset></urlset>\n",
      "naidisvald.ee/uudised/index.html": "<p>uudised</p>\n",
      "naidisvald.ee/uudised/index__page_2.html": "<p>uudised 2</p>\n",
      "naidisvald.ee/otsing__q_eelarve_lang_et.html": "<p>otsing eelarve</p>\n",
      "naidisvald.ee/otsing.html": "<p>otsing</p>\n",
      "naidisvald.ee/kontakt.html": "<p>kontakt</p>\n",
      "naidisvald.ee/vana.win1257.html": "<p>vana</p>\n",
      "naidisvald.ee/dokumendid/eelarve.pdf": "%PDF-1.4\n",
      "naidisvald.ee/.hidden": "hidden\n",
      "naidisvald.ee/_redirects":
        "# moved pages\n/vana-leht 301 /kontakt\n/ajutine 302 https://www.teine.ee/\n"
        + "/kadunud 410\n/otsing?old=1 301 /otsing\n",
      "www.teine.ee/index.html": "<h1>Teine</h1>\n",
    ]
    for (path, text) in files {
      let url = URL(fileURLWithPath: root + "/" + path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    try FileManager.default.createSymbolicLink(
      atPath: root + "/naidisvald.ee/link-out.txt", withDestinationPath: root + "/secret.txt")
    return SiteFixtures(root: root)
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: root)
  }
}

/// Runs `body` with a server over fresh site fixtures, then stops it and removes the fixtures.
func withStaticSites(
  _ body: (FixtureServer, StaticSites) async throws -> Void
) async throws {
  let fixtures = try SiteFixtures.make()
  defer { fixtures.remove() }
  let sites = try StaticSites(root: fixtures.root)
  let server = try await FixtureServer.start { request in sites.respond(to: request) }
  do {
    try await body(server, sites)
  } catch {
    try await server.stop()
    throw error
  }
  try await server.stop()
}

/// Runs `body` with a server whose every answer is `response`.
func withServer(
  answering response: FixtureResponse, _ body: (FixtureServer) async throws -> Void
) async throws {
  let server = try await FixtureServer.start { _ in response }
  do {
    try await body(server)
  } catch {
    try await server.stop()
    throw error
  }
  try await server.stop()
}
