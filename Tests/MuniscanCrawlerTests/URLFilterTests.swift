import Testing

@testable import MuniscanCrawler

@Suite struct URLFilterTests {
  @Test func patternsIncludeAndExclude() throws {
    let filter = try URLFilter(include: ["/et/"], exclude: ["\\?print=", "/et/arhiiv"])
    #expect(filter.isWanted("https://vald.ee/et/uudised"))
    #expect(!filter.isWanted("https://vald.ee/en/news"))
    #expect(!filter.isWanted("https://vald.ee/et/uudised?print=1"))
    #expect(!filter.isWanted("https://vald.ee/et/arhiiv/2019"))
    #expect(URLFilter().isWanted("https://vald.ee/anything"))
  }

  @Test func invalidPatternNamesTheOption() {
    #expect(throws: URLFilterError.self) { try URLFilter(include: [], exclude: ["(unclosed"]) }
    do {
      _ = try URLFilter(include: ["[a-"], exclude: [])
    } catch {
      #expect(
        error.description
          == "--include '[a-' is not a valid regular expression "
          + "(missing terminating ] for character class at offset 3)")
    }
  }

  @Test func repeatedSegments() {
    let filter = URLFilter()
    #expect(filter.repeatsSegments("https://vald.ee/a/b/a/b/a/b"))
    #expect(filter.repeatsSegments("https://vald.ee/x/x/x?y=1"))
    #expect(!filter.repeatsSegments("https://vald.ee/a/b/a/b"))
    #expect(!filter.repeatsSegments("https://vald.ee/2026/01/01/uudis"))
    #expect(!filter.repeatsSegments("https://vald.ee/a?x=/a/a/a/a"))
  }

  @Test func pathRunsFromTheFirstSlashAfterTheSchemeToTheQuery() {
    #expect(URLFilter.path(of: "https://vald.ee/a/b?c=/d") == "/a/b")
    #expect(URLFilter.path(of: "https://vald.ee") == "")
    #expect(URLFilter.path(of: "https://vald.ee?x=1") == "")
    #expect(URLFilter.path(of: "http://vald.ee:8080/õigus/x") == "/õigus/x")
    #expect(URLFilter.path(of: "https://vald.ee/a://b/c") == "/a://b/c")
    #expect(URLFilter.path(of: "vald.ee/a") == "/a")
    #expect(URLFilter.path(of: "mailto:a@vald.ee") == "")
  }

  @Test func queryVariantsPerPath() {
    var variants = QueryVariants(limit: 2)
    let admitted = [
      "https://vald.ee/kalender?kuu=1", "https://vald.ee/kalender?kuu=2",
      "https://vald.ee/kalender?kuu=3",
      "https://vald.ee/kalender", "https://vald.ee/otsing?q=1",
    ].map { variants.admit($0) }
    #expect(admitted == [true, true, false, true, true])
  }
}
