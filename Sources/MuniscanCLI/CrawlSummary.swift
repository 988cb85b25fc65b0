import MuniscanCrawler

/// The table `muniscan crawl` ends with: per site the pages kept, errors, URLs robots.txt
/// excluded and bytes received, and the totals.
enum CrawlSummary {
  static func text(_ sites: [FinishedSite], archive: String) -> String {
    let header = ["site", "pages", "errors", "robots", "bytes", ""]
    var rows = sites.map { site in
      [
        site.name, "\(site.pages)", "\(site.stats.errors)", "\(site.stats.robotsExcluded)",
        "\(site.stats.bytes)",
        site.unreachable.map { "unreachable: \($0)" } ?? "",
      ]
    }
    func total(_ value: (FinishedSite) -> Int) -> String { "\(sites.reduce(0) { $0 + value($1) })" }
    rows.append([
      "total (\(sites.count) sites)", total(\.pages), total(\.stats.errors),
      total(\.stats.robotsExcluded),
      total(\.stats.bytes), "",
    ])
    let table = [header] + rows
    let widths = (0..<header.count).map { column in table.map { $0[column].count }.max() ?? 0 }
    var text = ""
    for row in table {
      var line = row[0] + String(repeating: " ", count: widths[0] - row[0].count)
      for column in 1..<(header.count - 1) {
        line +=
          "  " + String(repeating: " ", count: widths[column] - row[column].count) + row[column]
      }
      if !row[header.count - 1].isEmpty { line += "  " + row[header.count - 1] }
      text += line + "\n"
    }
    return text + "archive: \(archive)\n"
  }
}
