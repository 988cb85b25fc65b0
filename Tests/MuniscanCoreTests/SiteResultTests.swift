import Foundation
import MuniscanCore
import Testing

@Suite struct SiteResultTests {
  static let site = Site(name: "Kadunud vald", url: "https://kadunud.ee/")

  func json(_ value: some Encodable) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as! [String: Any]
  }

  @Test func aSiteNotAuditedIsWrittenWithItsStatusAndWithoutScoreBandOrRank() throws {
    let result = SiteResult(
      site: Self.site, outcome: .closedByRobots(reason: "robots.txt disallows crawling"),
      pagesCrawled: 0, total: 0, band: .red, areas: [AreaScore(area: "council", score: 0)],
      findings: [], rank: 5)
    #expect(result.total == nil && result.band == nil && result.rank == nil)
    #expect(result.areas.isEmpty)
    let object = try json(result)
    #expect(object["status"] as? String == "closedByRobots")
    #expect(object["total"] == nil && object["band"] == nil && object["rank"] == nil)
    let audited = try json(
      SiteResult(
        site: Self.site, outcome: .crawled, pagesCrawled: 3, total: 0, band: .red, areas: [],
        findings: [], rank: 2))
    #expect(audited["status"] as? String == "audited")
    #expect(audited["total"] as? Double == 0 && audited["rank"] as? Int == 2)
  }

  @Test func aVersion1SiteNotAuditedReadsWithoutTheZeroItWasGiven() throws {
    let version1 = """
      {"site":{"name":"Kadunud vald","url":"https://kadunud.ee/","attributes":{}},
       "outcome":{"unreachable":{"reason":"connection refused"}},"pagesCrawled":0,"total":0,
       "band":"red","areas":[{"area":"council","score":0}],"findings":[],"rank":5,
       "crawl":{"requests":1,"errors":1,"robotsExcluded":0,"bytes":0}}
      """
    let result = try JSONDecoder().decode(SiteResult.self, from: Data(version1.utf8))
    #expect(result.status == .unreachable)
    #expect(result.total == nil && result.band == nil && result.rank == nil)
    #expect(result.areas.isEmpty)
    let again = try JSONDecoder().decode(SiteResult.self, from: JSONEncoder().encode(result))
    #expect(again == result)
  }
}
