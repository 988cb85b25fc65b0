import Foundation
import Testing

@testable import MuniscanCore

/// The fast path of URLNormalizer: URLs that are canonical already, as resolved links nearly
/// always are, pass with one scan.
@Suite struct URLNormalizerFastPathTests {
  /// The fast path (URLs canonical already) must agree with parsing on every kind of URL.
  @Test(arguments: [
    "http://www.elva.ee/", "https://elva.ee/a/b?c=d&e=f", "http://127.1.0.5:8080/x/y-1",
    "http://elva.ee:80/",
    "https://elva.ee:443/x", "http://elva.ee:0080/", "HTTP://elva.ee/", "http://Elva.ee/",
    "http://elva.ee",
    "http://elva.ee?x", "http://elva.ee/?", "http://elva.ee/a#b", "http://elva.ee/a/./b",
    "http://elva.ee/a/../b",
    "http://elva.ee/.well-known/x", "http://elva.ee/%7e", "http://elva.ee/a b", "http://elva.ee/õ",
    "http://user@elva.ee/", "http://elva.ee./", "http://[::1]/", "http://elva.ee/a?b?c",
    "http://elva.ee/a;b=c,d",
    "http://elva.ee/(x)*!$'", "https://elva.ee/search?q=a+b&x=", "http://elva.ee:65536/",
    "http://e_lva.ee/",
  ])
  func fastPathAgreesWithParsing(url: String) {
    #expect(URLNormalizer.normalize(url) == URLNormalizer.normalizeParsing(url))
    let base = "https://www.elva.ee/volikogu/istungid"
    #expect(
      URLNormalizer.resolve(url, against: base)
        == URLNormalizer.resolveParsing(url, against: base))
    guard let normalized = URLNormalizer.normalizeParsing(url) else { return }
    #expect(URLNormalizer.normalize(normalized) == normalized)
    #expect(
      URLNormalizer.siteKey(normalized)
        == URLComponents(string: normalized)?.host.map {
          $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0
        })
  }

  @Test func fastPathTakesPlainCanonicalURLs() {
    #expect(
      URLNormalizer.canonicalHost(of: "https://www.elva.ee/et/volikogu?id=1") == "www.elva.ee")
    #expect(URLNormalizer.canonicalHost(of: "http://127.1.0.5:8080/x") == "127.1.0.5")
    #expect(URLNormalizer.canonicalHost(of: "http://elva.ee:80/") == nil)
    #expect(URLNormalizer.canonicalHost(of: "http://Elva.ee/") == nil)
    #expect(URLNormalizer.canonicalHost(of: "http://elva.ee") == nil)
  }
}

extension URLNormalizer {
  /// The host ``canonicalHostRange(of:)`` finds, as text.
  fileprivate static func canonicalHost(of url: String) -> Substring? {
    guard let host = canonicalHostRange(of: url) else { return nil }
    let bytes = url.utf8
    let start = bytes.index(bytes.startIndex, offsetBy: host.lowerBound)
    return url[start..<bytes.index(start, offsetBy: host.count)]
  }
}
