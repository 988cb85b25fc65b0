import CSV
import MuniscanCore
import MuniscanReports
import Testing

@Suite struct CSVReportersTests {
  /// The CSV read back with CSV.swift's reader: header and rows.
  static func read(_ text: String) throws -> (header: [String], rows: [[String]]) {
    let reader = try CSVReader(string: text, hasHeaderRow: true)
    var rows: [[String]] = []
    while let row = reader.next() { rows.append(row) }
    return (reader.headerRow ?? [], rows)
  }

  @Test func longCSVHasARowPerSiteCriterionAndEvidence() throws {
    let card = ReportFixture.card()
    let text = try CSVLongReporter().render(card, options: try ReportFixture.options())
    let (header, rows) = try Self.read(text)
    #expect(
      header == [
        "site", "url", "site_status", "rank", "criterion", "area", "status", "weight",
        "evidence_url", "kind", "snippet", "target", "date", "reason", "previous_status",
      ])
    // One row per piece of evidence, one for a finding without any.
    let expected = card.sites.flatMap(\.findings).map { max(1, $0.evidence.count) }.reduce(0, +)
    #expect(rows.count == expected)
    #expect(rows.allSatisfy { $0.count == header.count })
    let elva = rows.first { $0[0] == "Elva vald" && $0[4] == "council.minutes" }!
    #expect(
      elva[1...10] == [
        "https://www.elva.ee/", "audited", "1", "council.minutes", "council", "pass", "3.0",
        "https://www.elva.ee/volikogu", "link", "Istungi protokoll 02.11.2026",
      ])
    #expect(
      elva[11...14] == [
        "https://www.elva.ee/volikogu.pdf", "2026-11-02",
        "found: link “Istungi protokoll 02.11.2026”", "pass",
      ])
    let unreachable = rows.filter { $0[0] == "Kadunud vald" }
    #expect(unreachable.count == 3)
    // Not audited: its status, and no rank.
    #expect(unreachable.allSatisfy { $0[2] == "unreachable" && $0[3] == "" })
    #expect(unreachable.allSatisfy { $0[6] == "unknown" && $0[8] == "" })
    // The earlier status: `from` of a lost criterion, empty for a site new in this run.
    #expect(unreachable.first { $0[4] == "council.minutes" }?[14] == "pass")
    #expect(unreachable.first { $0[4] == "contact.email" }?[14] == "")
    #expect(rows.first { $0[0] == "Anija vald" && $0[4] == "contact.email" }?[14] == "pass")
    #expect(rows.filter { $0[0] == ReportFixture.hostileName }.allSatisfy { $0[14] == "" })
  }

  @Test func longCSVQuotesSnippetsWithCommasQuotesAndLineBreaks() throws {
    let text = try CSVLongReporter().render(
      ReportFixture.card(), options: try ReportFixture.options())
    #expect(text.contains("\"Protokoll, \"\"eelnõu\"\"\nrida 2 <b onmouseover=alert(3)>x</b>\""))
    #expect(
      text.hasPrefix(
        "site,url,site_status,rank,criterion,area,status,weight,evidence_url,kind,snippet,target,date,reason,previous_status\r\n"
      ))
    let (_, rows) = try Self.read(text)
    let hostile = rows.first { $0[10] == ReportFixture.hostileSnippet }
    #expect(hostile?[0] == ReportFixture.hostileName)
    #expect(hostile?[8] == ReportFixture.hostileURL)
  }

  @Test func longCSVWithoutComparisonHasNoPreviousStatus() throws {
    let (header, rows) = try Self.read(
      try CSVLongReporter().render(
        ReportFixture.card(compared: false), options: try ReportFixture.options()))
    #expect(header.last == "reason")
    #expect(rows.allSatisfy { $0.count == 14 })
  }

  @Test func wideCSVHasOneRowPerSiteWithAreasCriteriaAndChanges() throws {
    let card = ReportFixture.card()
    let (header, rows) = try Self.read(
      try CSVWideReporter().render(card, options: try ReportFixture.options()))
    #expect(
      header == [
        "name", "url", "status", "rank", "total", "band", "pages", "reason", "council", "contact",
        "council.minutes", "council.agendas", "contact.email", "previous_status", "previous_rank",
        "previous_total", "gained", "lost",
      ])
    #expect(rows.map { $0[0] } == card.sites.map(\.site.name))
    #expect(rows.map { $0[3] } == ["1", "2", "2", "4", ""], "the tie shares rank 2")
    #expect(
      rows[0] == [
        "Elva vald", "https://www.elva.ee/", "audited", "1", "100.0", "green", "120", "",
        "100.0", "100.0", "pass", "pass", "pass", "audited", "2", "80.0", "council.agendas", "",
      ])
    #expect(rows[1][5] == "yellow")
    #expect(rows[1][17] == "contact.email")
    #expect(rows[2][13...15] == ["", "", ""], "new since the earlier run")
    // Not audited: its status and reason; no rank, total, band or area scores.
    #expect(rows[4][2...9] == ["unreachable", "", "", "", "0", "connection refused", "", ""])
    #expect(rows[4][10...12] == ["unknown", "unknown", "unknown"])
  }
}
