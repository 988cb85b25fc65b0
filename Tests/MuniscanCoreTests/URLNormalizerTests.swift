import MuniscanCore
import Testing

@Suite struct URLNormalizerTests {
  @Test(arguments: [
    ("HTTP://WWW.Elva.EE:80/a/./b/../c#top", "http://www.elva.ee/a/c"),
    ("https://elva.ee:443", "https://elva.ee/"),
    ("https://elva.ee/%7euser/%c3%bc", "https://elva.ee/~user/%C3%BC"),
    ("https://elva.ee/search?q=a%2fb", "https://elva.ee/search?q=a%2Fb"),
    ("https://elva.ee/?", "https://elva.ee/"),
    ("http://elva.ee:8080/x", "http://elva.ee:8080/x"),
  ])
  func normalizes(raw: String, expected: String) {
    #expect(URLNormalizer.normalize(raw) == expected)
  }

  @Test func rejectsWhatIsNotAWebPage() {
    #expect(URLNormalizer.normalize("ftp://elva.ee/file") == nil)
    #expect(URLNormalizer.normalize("mailto:info@elva.ee") == nil)
    #expect(URLNormalizer.normalize("not a url") == nil)
    #expect(URLNormalizer.normalize("/relative/path") == nil)
  }

  @Test func resolvesRelativeLinks() {
    let base = "https://www.elva.ee/volikogu/istungid/"
    #expect(
      URLNormalizer.resolve("../liikmed", against: base) == "https://www.elva.ee/volikogu/liikmed")
    #expect(URLNormalizer.resolve("/kontakt#x", against: base) == "https://www.elva.ee/kontakt")
    #expect(
      URLNormalizer.resolve("?kuu=2026-11", against: base)
        == "https://www.elva.ee/volikogu/istungid/?kuu=2026-11")
    #expect(
      URLNormalizer.resolve("Eelarve 2026.pdf", against: base)
        == "https://www.elva.ee/volikogu/istungid/Eelarve%202026.pdf")
  }

  @Test func treatsWwwAndBareDomainAsOneSite() {
    #expect(URLNormalizer.siteKey("https://www.elva.ee/a") == "elva.ee")
    #expect(URLNormalizer.siteKey("https://elva.ee/") == "elva.ee")
    #expect(URLNormalizer.host("elva.amphora.ee", isWithin: "amphora.ee"))
    #expect(!URLNormalizer.host("notamphora.ee", isWithin: "amphora.ee"))
    // On bytes for ASCII hosts, as comparing characters decides.
    let parts = ["", ".", "ee", "a", "amphora", "elva", "volis", "tõrva", "xn--trva-5qa"]
    for _ in 0..<2_000 {
      let host = (0..<Int.random(in: 0...4)).map { _ in parts.randomElement()! }.joined()
      let domain = (0..<Int.random(in: 0...3)).map { _ in parts.randomElement()! }.joined()
      #expect(
        URLNormalizer.host(host, isWithin: domain)
          == (host == domain || host.hasSuffix("." + domain)), "\(host) within \(domain)")
    }
  }
}

/// Inputs the `url` fuzz target found (fuzz/artifacts), minimised; normalising a normalised URL
/// must give it back, since the crawler relies on one form per page.
@Suite struct URLNormalizerFuzzFindingsTests {
  @Test(arguments: [
    "http://%2e/s", "http://../a", "http://.%2E./", "https://jarveotsää%2e/",
    "https://jarveots%C3%A4%C3%A4.ee/",
  ])
  func aHostOfDotsOrOfPercentEscapesIsNoHost(raw: String) {
    #expect(URLNormalizer.normalize(raw) == nil)
  }

  @Test(arguments: [
    "http://%2e/s\u{1}\0\0\0\0\u{1}\0\0\0\0\0\0\0\u{F6}\u{9E}%\0z2Ye",
    "https://jarveotsää%2e:0/c?df",
  ])
  func foundInputsAreIdempotent(found: String) {
    if let once = URLNormalizer.normalize(found) {
      #expect(URLNormalizer.normalize(once) == once)
    }
  }
}
