import Foundation
import MuniscanCore
import Testing

@testable import MuniscanReports

/// The JSON report goes out a site at a time, so a report of a whole nation is never held as
/// one text, and it is the same bytes as the scorecard encoded whole.
@Suite struct JSONReporterTests {
  static let cards = [
    ReportFixture.card(), ReportFixture.card(compared: false),
    ReportFixture.card(sites: [ReportFixture.sites[0]]), ReportFixture.card(sites: []),
    // More sites than a batch encoded at once on any machine's processors, each its own.
    ReportFixture.card(
      sites: (0..<1000).map { number in
        var site = ReportFixture.sites[number % ReportFixture.sites.count]
        site.site = Site(name: "Vald \(number)", url: "https://vald\(number).ee/")
        return site
      }),
  ]

  @Test(arguments: cards)
  func writtenASiteAtATimeItIsTheWholeScorecardByteForByte(_ card: Scorecard) throws {
    var pieces: [String] = []
    try JSONReporter().write(card, options: try ReportFixture.options()) { pieces.append($0) }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let whole = String(decoding: try encoder.encode(card), as: UTF8.self) + "\n"
    #expect(pieces.joined() == whole)
    #expect(pieces.count == (card.sites.isEmpty ? 1 : card.sites.count + 2))
  }

  @Test func indentingLeavesEmptyLinesEmptyAndTextWithinLinesAsItIs() {
    let json = Data("{\n  \"a\" : \"õ ü\",\n\n  \"b\" : [\n\n  ]\n}".utf8)
    #expect(
      JSONReporter.indented(json, by: 4)
        == "    {\n      \"a\" : \"õ ü\",\n\n      \"b\" : [\n\n      ]\n    }")
    #expect(JSONReporter.indented(Data(), by: 4) == "")
  }
}
