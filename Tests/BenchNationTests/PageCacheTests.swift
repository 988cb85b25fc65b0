import BenchNation
import Testing

@Suite struct PageCacheTests {
  /// A cached page is the page the nation writes, and the cache keeps no more than its budget.
  @Test func givesTheNationsPagesAndKeepsToItsBudget() {
    let nation = SyntheticNation(sites: 2, pages: 10, corpus: .dense)
    let page = nation.html(site: 1, page: 3)
    let cache = PageCache(nation: nation, budget: page.count * 3)
    for _ in 0..<2 {
      for site in 0..<2 {
        for number in 0..<10 {
          #expect(cache.html(site: site, page: number) == nation.html(site: site, page: number))
        }
      }
    }
    #expect(cache.bytes > 0)
    #expect(cache.bytes <= page.count * 3)
    let filled = PageCache(nation: nation, budget: 1 << 30)
    filled.fill()
    #expect(
      filled.bytes == (0..<20).reduce(0) { $0 + nation.html(site: $1 / 10, page: $1 % 10).count })
    let none = PageCache(nation: nation, budget: 0)
    none.fill()
    #expect(none.html(site: 1, page: 3) == page)
    #expect(none.bytes == 0)
  }
}
