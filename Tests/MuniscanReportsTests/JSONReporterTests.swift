import Foundation
import MuniscanCore
import Testing

@testable import MuniscanReports

/// The JSON report goes out a site at a time, so a report of a whole nation is never held as
/// one text, and it is the same bytes as the scorecard encoded whole by Foundation's encoder,
/// though each site is written by ``SiteResultJSON``.
@Suite struct JSONReporterTests {
  /// Every character a string may hold that JSON escapes, or that an encoder might: each
  /// control character, quotation mark, backslash, slash, DEL, line and paragraph separators,
  /// combining marks, an emoji, Cyrillic.
  static let awkward =
    String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"\\/\u{7F}"
    + "\u{2028}\u{2029} e\u{301} 👩‍👩‍👧 Заседание <&>"

  /// Sites with every shape a site result takes: each outcome, an empty list, every optional
  /// present and absent, attribute and reason keys in mixed case and beyond ASCII, numbers
  /// whole, fractional, tiny and huge.
  static let shapes: [SiteResult] = {
    let outcomes: [CrawlOutcome] = [
      .crawled, .unreachable(reason: "timeout " + awkward), .closedByRobots(reason: "robots"),
      .incomplete(reason: ""),
    ]
    let numbers = [0, 100, 96.3, 0.1, 1.5, 1e-7, 123_456_789.5, 2.0 / 3, 1e21, -4]
    return outcomes.enumerated().flatMap { index, outcome in
      numbers.indices.map { number in
        let value = numbers[(number + index) % numbers.count]
        return SiteResult(
          site: Site(
            name: awkward, url: "https://vald\(index).ee/a/b?c=1&d=\"2\"",
            attributes: number % 3 == 0
              ? [:] : ["type": "vald", "County": awkward, "Õ": "1", "a": "", "_b": "x"]),
          outcome: outcome, pagesCrawled: number * 7, total: number % 2 == 0 ? nil : value,
          band: number % 4 == 1 ? .yellow : nil,
          areas: number % 5 == 0
            ? []
            : [
              AreaScore(area: "council", score: value), AreaScore(area: awkward, score: -value),
            ],
          findings: number % 6 == 5
            ? []
            : [
              Finding(
                ruleID: "council.minutes", area: "council", weight: value, status: .partial,
                reason: Reason(.staleDate, ["date": "2026-01-02", "Age": awkward, "ä": "x"]),
                evidence: []),
              Finding(
                ruleID: awkward, area: "", weight: 1, status: .pass, reason: Reason(.undated),
                evidence: [
                  Evidence(url: "https://vald.ee/x", kind: "text", snippet: awkward),
                  Evidence(
                    url: "", kind: "link", snippet: "", target: "https://vald.ee/p.pdf",
                    date: Day(iso: "2026-11-02")),
                ]),
            ],
          rank: number % 3 == 2 ? number : nil,
          crawl: CrawlStats(requests: number, errors: -number, robotsExcluded: 3, bytes: 1 << 40),
          trend: number % 4 == 3
            ? nil
            : Array(
              [
                TrendPoint(runID: awkward, asOf: Day(iso: "2026-09-20")!, total: value, rank: 3),
                TrendPoint(runID: "r1", asOf: Day(iso: "2026-10-20")!, total: 80, rank: 2),
              ].prefix(number % 3)))
      }
    }
  }()

  static let cards = [
    ReportFixture.card(sites: shapes),
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
    let written = pieces.joined()
    if written != whole {
      // Where they part, not the whole report.
      let same = zip(written.utf8, whole.utf8).prefix { $0 == $1 }.count
      let around = { (text: String) in
        String(decoding: text.utf8.dropFirst(max(0, same - 60)).prefix(120), as: UTF8.self)
      }
      Issue.record("written: …\(around(written))…\nencoded: …\(around(whole))…")
    }
    #expect(pieces.count == (card.sites.isEmpty ? 1 : card.sites.count + 2))
  }
}
