import CSV
import Foundation
import MuniscanCore

/// Reads a sites file: UTF-8 CSV with a header row naming at least `name` and `url` (other
/// columns, such as `type` and `county`, are kept as attributes).
public enum SitesFile {
  public static func load(path: String) throws -> [Site] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw MuniscanError("\(path): cannot read the sites file")
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw MuniscanError("\(path): the sites file is not UTF-8")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return try parse(text, file: path)
  }

  public static func parse(_ text: String, file: String) throws -> [Site] {
    let reader: CSVReader
    do {
      reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
    } catch {
      throw MuniscanError("\(file):1: cannot read the header row (\(error))")
    }
    let header = (reader.headerRow ?? []).map { $0.lowercased() }
    guard let nameColumn = header.firstIndex(of: "name"),
      let urlColumn = header.firstIndex(of: "url")
    else {
      throw MuniscanError(
        "\(file):1: the header row must name the columns 'name' and 'url' (found: \(header.joined(separator: ",")))"
      )
    }
    var sites: [Site] = []
    var seen: [String: Int] = [:]
    var line = 1
    while let row = reader.next() {
      line += 1
      if row.allSatisfy(\.isEmpty) { continue }
      guard row.count == header.count else {
        throw MuniscanError("\(file):\(line): expected \(header.count) fields, found \(row.count)")
      }
      let name = row[nameColumn]
      let url = row[urlColumn]
      guard !name.isEmpty else { throw MuniscanError("\(file):\(line): the name is empty") }
      guard let normalized = URLNormalizer.normalize(url) else {
        throw MuniscanError("\(file):\(line): '\(url)' is not an http(s) URL")
      }
      if let first = seen[normalized] {
        throw MuniscanError("\(file):\(line): \(url) is listed twice (first on line \(first))")
      }
      seen[normalized] = line
      var attributes: [String: String] = [:]
      for (index, column) in header.enumerated() where index != nameColumn && index != urlColumn {
        attributes[column] = row[index]
      }
      sites.append(Site(name: name, url: url, attributes: attributes))
    }
    if let error = reader.error {
      throw MuniscanError("\(file):\(line + 1): \(error)")
    }
    guard !sites.isEmpty else { throw MuniscanError("\(file): no sites listed") }
    return sites
  }
}
