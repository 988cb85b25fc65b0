import MuniscanCore

/// `https`: the site is served over HTTPS and plain HTTP redirects to it; a fact of the site,
/// not of a page.
struct HTTPSTest: PredicateFamily {
  static let keys = ["https"]
  static let documentation = PredicateDocumentation(
    syntax: "`https: true`",
    meaning:
      "the site is served over HTTPS and `http://` redirects to it",
    evidence: "the final URL")

  static func read(key: String, _ value: YAMLValue) throws -> HTTPSTest {
    try PredicateReader.flag(value, key)
    return HTTPSTest()
  }

  var description: String { "served over HTTPS, with http:// redirecting to it" }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest { self }
}

extension HTTPSTest: PageTest {
  func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
    let crawl = judge.site.crawl
    guard crawl.https.servedOverHTTPS, crawl.https.httpRedirectsToHTTPS == true else {
      return nil
    }
    return [
      Evidence(
        url: crawl.finalURL ?? crawl.site.url, kind: "https",
        snippet: "served over HTTPS; http:// redirects to https://")
    ]
  }
}
