import FixtureServer
import Testing

@testable import MuniscanHTML

/// A link kept from an earlier page must be the link a fresh resolver makes on this one: the same
/// `href` on pages of other folders, other bases, other origins, and after the table was full.
@Suite struct ResolvedLinksTests {
  static let bases = [
    "http://a/b/c/d;p?q", "https://vald.ee/et/", "https://vald.ee/et/x/y?z=1",
    "https://VALD.ee:443/teine", "http://vald.ee/et/", "https://vald.ee:8443/et/",
    "https://www.vald.ee/", "not a url", "file:///srv/leht.html", "mailto:info@vald.ee",
  ]
  static let references = [
    "g", "./g", "../g", "/g", "//g", "?y", "", "#s", "g?y", "http:g", "https:g", "\\g\\h",
    "/dokumendid/eelarve 2026.pdf", "  /g\n h ", "https://vald.ee/a.pdf", "HTTPS://Vald.EE/B",
    "http://x.ee:80", "//vald.ee:99999/", "ftp://files.ee/a.pdf", "mailtokxp:x",
    "/documents/1/2/kord.docx/abc",
    "https:///vald.ee/x", "/a/../b/./c", "//", "/", "?",
  ]

  /// What resolving `href` afresh on a page of `base` gives.
  static func fresh(_ href: String, base: String) -> (String, String, String)? {
    var resolver = URLResolver(base: base)
    guard let url = resolver.resolve(href), url.hasPrefix("https://") || url.hasPrefix("http://")
    else { return nil }
    let document = DocumentClassifier.classify(url: url, typeAttribute: nil)
    return (url, document?.type ?? "-", document?.fileName ?? "-")
  }

  static func kept(
    _ href: String, base: String, in links: inout ResolvedLinks
  ) -> (String, String, String)? {
    var resolver = URLResolver(base: base)
    let originHash = ResolvedLinks.hash(origin: resolver.origin)
    let link = Array(href.utf8).withUnsafeBufferPointer {
      links.link($0, originHash: originHash, resolvedWith: &resolver)
    }
    return link.map { ($0.url, $0.document?.type ?? "-", $0.document?.fileName ?? "-") }
  }

  @Test func keptLinksAreWhatAFreshResolverGives() {
    var links = ResolvedLinks()
    var random = SplitMix64(seed: 20_261_206)
    for round in 0..<4_000 {
      let base = Self.bases.randomElement(using: &random)!
      let href = Self.references.randomElement(using: &random)!
      let kept = Self.kept(href, base: base, in: &links)
      let fresh = Self.fresh(href, base: base)
      #expect(
        kept?.0 == fresh?.0 && kept?.1 == fresh?.1 && kept?.2 == fresh?.2, "\(href) on \(base)")
      if round % 1_000 == 999 {
        // More distinct links than the table holds: it empties and fills again.
        for number in 0..<ResolvedLinks.capacity {
          _ = Self.kept("/uudised/\(round)-\(number)", base: base, in: &links)
        }
      }
    }
  }

  /// Pages of every fixture site read by one analyser, in order and then interleaved, give the
  /// facts each gives to an analyser of its own.
  @Test func anAnalyserThatReadManyPagesGivesWhatAFreshOneGives() throws {
    let pages = try SAXCollectionTests.fixturePages()
    let shared = try PageAnalyzer()
    var random = SplitMix64(seed: 7)
    for page in pages + pages.shuffled(using: &random) {
      let fresh = try PageAnalyzer().analyze(page)
      #expect(shared.analyze(page) == fresh, "\(page.url)")
    }
  }
}
