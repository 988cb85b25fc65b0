import Foundation
import MuniscanArchive
import MuniscanCore

/// One site's line in the table shown when a crawl ends: the progress display's, from the
/// crawl itself, and `muniscan crawl`'s, from the archive's record of it.
struct SiteSummary: Sendable, Equatable {
  var name: String
  /// Pages that answered 2xx.
  var pages: Int
  var errors: Int
  var robotsExcluded: Int
  var bytes: Int
  /// `unreachable: …`, `closed by robots.txt: …`, `gave up`, or empty.
  var note: String

  init(_ crawl: SiteCrawl) {
    name = crawl.site.name
    pages = crawl.pages.filter { (200..<300).contains($0.status) }.count
    errors = crawl.stats.errors
    robotsExcluded = crawl.stats.robotsExcluded
    bytes = crawl.stats.bytes
    note = Self.note(crawl.outcome, gaveUp: crawl.gaveUp)
  }

  init(_ site: FinishedSite) {
    name = site.name
    pages = site.pages
    errors = site.stats.errors
    robotsExcluded = site.stats.robotsExcluded
    bytes = site.stats.bytes
    note = Self.note(site.outcome, gaveUp: site.gaveUp == true)
  }

  /// What the table says of how a site's crawl ended.
  private static func note(_ outcome: CrawlOutcome, gaveUp: Bool) -> String {
    switch outcome {
    case .crawled: return gaveUp ? "gave up" : ""
    case .unreachable(let reason): return "unreachable: \(reason)"
    case .closedByRobots(let reason): return "closed by robots.txt: \(reason)"
    case .incomplete(let reason): return "incomplete: \(reason)"
    }
  }

  /// The sites as an aligned text table, by name, with a total line.
  static func table(_ summaries: [SiteSummary]) -> String {
    let sorted = summaries.sorted { $0.name < $1.name }
    var rows = [["site", "pages", "errors", "robots", "bytes", ""]]
    for site in sorted {
      rows.append([
        site.name, "\(site.pages)", "\(site.errors)", "\(site.robotsExcluded)",
        byteCount(site.bytes), site.note,
      ])
    }
    rows.append([
      "total (\(sorted.count) sites)", "\(sorted.reduce(0) { $0 + $1.pages })",
      "\(sorted.reduce(0) { $0 + $1.errors })", "\(sorted.reduce(0) { $0 + $1.robotsExcluded })",
      byteCount(sorted.reduce(0) { $0 + $1.bytes }), "",
    ])
    let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      var line = row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
      for column in 1..<5 {
        line +=
          "  " + String(repeating: " ", count: widths[column] - row[column].count) + row[column]
      }
      if !row[5].isEmpty { line += "  " + row[5] }
      return line
    }.joined(separator: "\n") + "\n"
  }

  /// Bytes in B, kB or MB (powers of 1000), one decimal above bytes.
  static func byteCount(_ bytes: Int) -> String {
    if bytes < 1000 { return "\(bytes) B" }
    if bytes < 1_000_000 { return String(format: "%.1f kB", Double(bytes) / 1000) }
    return String(format: "%.1f MB", Double(bytes) / 1_000_000)
  }
}
