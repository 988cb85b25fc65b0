import Testing

@testable import MuniscanCrawler

/// How a URL is cut into its origin and the path and query robots.txt rules are matched
/// against: the crawler resolves `/robots.txt` once per origin, so an origin that took in some
/// of the path, or lost its port, would send a URL to another origin's rules.
@Suite struct RobotsURLEncodingTests {
  static let urls: [(url: String, origin: Substring?, path: String)] = [
    ("https://www.vald.ee/uudised?id=7#top", "https://www.vald.ee", "/uudised?id=7"),
    ("http://127.1.0.1:34675", "http://127.1.0.1:34675", "/"),
    ("http://a.ee?q=1", "http://a.ee", "/?q=1"),
    ("HTTP://user@A.ee:8080#x", "HTTP://user@A.ee:8080", "/"),
    ("svn+ssh://a.ee/x", "svn+ssh://a.ee", "/x"),
    ("/leht/eelarve", nil, "/leht/eelarve"),
    ("mailto:vald@vald.ee", nil, "/mailto:vald@vald.ee"),
    ("1http://a.ee/x", nil, "/1http://a.ee/x"),
  ]

  @Test(arguments: urls)
  func aURLIsItsOriginThenItsPathAndQuery(url: String, origin: Substring?, path: String) {
    #expect(RobotsURLEncoding.origin(of: url) == origin)
    #expect(String(decoding: RobotsURLEncoding.pathAndQuery(url), as: UTF8.self) == path)
  }
}
