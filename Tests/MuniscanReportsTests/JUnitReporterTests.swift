import Foundation
import FoundationXML
import MuniscanCore
import MuniscanReports
import Testing

@Suite struct JUnitReporterTests {
  static func parse(_ text: String) throws -> XMLElement {
    try #require(try XMLDocument(xmlString: text, options: []).rootElement())
  }

  @Test func aSuitePerSiteACasePerCriterionFailuresAndErrors() throws {
    let card = ReportFixture.card()
    let root = try Self.parse(
      try JUnitReporter().render(card, options: try ReportFixture.options()))
    #expect(root.name == "testsuites")
    // 3 criteria of 4 audited sites, and one case for the site not audited.
    #expect(root.attribute(forName: "tests")?.stringValue == "13")
    // fail or partial: Anija 2, hostile 1, Kõrveküla 2; not audited: Kadunud 1.
    #expect(root.attribute(forName: "failures")?.stringValue == "5")
    #expect(root.attribute(forName: "errors")?.stringValue == "1")
    let suites = root.elements(forName: "testsuite")
    #expect(
      suites.map { $0.attribute(forName: "name")?.stringValue } == card.sites.map(\.site.name))
    #expect(suites.prefix(4).allSatisfy { $0.elements(forName: "testcase").count == 3 })
    let anija = suites[1]
    #expect(anija.attribute(forName: "failures")?.stringValue == "2")
    let agendas = anija.elements(forName: "testcase")[1]
    #expect(agendas.attribute(forName: "name")?.stringValue == "council.agendas: Session agendas")
    #expect(agendas.attribute(forName: "classname")?.stringValue == "Anija vald.council")
    let failure = try #require(agendas.elements(forName: "failure").first)
    #expect(failure.attribute(forName: "type")?.stringValue == "partial")
    #expect(
      failure.attribute(forName: "message")?.stringValue
        == "PARTIAL: newest date 2026-01-02 is 322 days old (limit 120)")
    #expect(failure.stringValue?.contains("Publish the agenda before the session.") == true)
    #expect(
      failure.stringValue?.contains("https://anija.ee/paevakord — link: Päevakord 2025") == true)
    let unreachable = suites[4]
    #expect(unreachable.attribute(forName: "errors")?.stringValue == "1")
    let cases = unreachable.elements(forName: "testcase")
    #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["audit"])
    let error = try #require(cases.first?.elements(forName: "error").first)
    #expect(error.attribute(forName: "type")?.stringValue == "unreachable")
    #expect(
      error.attribute(forName: "message")?.stringValue
        == "Not audited: the server refused the connection (connection refused)")
    let notAuditedProperties =
      unreachable.elements(forName: "properties").first?.elements(forName: "property") ?? []
    #expect(
      notAuditedProperties.map { $0.attribute(forName: "name")?.stringValue ?? "" } == [
        "url", "status", "reason",
      ])
    let passing = suites[0].elements(forName: "testcase")
    #expect(
      passing.allSatisfy {
        $0.elements(forName: "failure").isEmpty && $0.elements(forName: "error").isEmpty
      })
    let properties =
      suites[0].elements(forName: "properties").first?.elements(forName: "property") ?? []
    #expect(
      properties.map { $0.attribute(forName: "name")?.stringValue ?? "" } == [
        "url", "rank", "total", "band", "pages", "previousTotal",
      ])
  }

  @Test func hostileTextStaysText() throws {
    let text = try JUnitReporter().render(
      ReportFixture.card(), options: try ReportFixture.options())
    #expect(!text.contains("<script>"))
    let root = try Self.parse(text)
    let hostile = root.elements(forName: "testsuite")[2]
    #expect(hostile.attribute(forName: "name")?.stringValue == ReportFixture.hostileName)
    let output = hostile.elements(forName: "testcase")[0].elements(forName: "system-out").first?
      .stringValue
    #expect(output?.contains(ReportFixture.hostileSnippet) == true)
    #expect(output?.contains("</td></tr></table><script>alert(4)</script>") == true)
  }

  @Test func adviceInEstonian() throws {
    let text = try JUnitReporter().render(
      ReportFixture.card(), options: try ReportFixture.options("et"))
    let root = try Self.parse(text)
    let failure = root.elements(forName: "testsuite")[3].elements(forName: "testcase")[0].elements(
      forName: "failure"
    ).first
    #expect(
      failure?.attribute(forName: "message")?.stringValue
        == "PUUDUB: vaadatud lehtedelt (12) tõendit ei leitud")
    #expect(failure?.stringValue == "Avalda iga istungi protokoll.")
  }
}
