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
      throw MuniscanError(
        "\(file):1: \(text.isEmpty ? "the file is empty" : "cannot read the header row"); "
          + "it needs a header row naming 'name' and 'url'")
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
    /// The line each site (its host, `www.` or not) was first listed on.
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
      guard let normalized = URLNormalizer.normalize(url),
        let key = URLNormalizer.siteKey(normalized)
      else {
        throw MuniscanError(
          "\(file):\(line): '\(url)' is not an http(s) URL (a host, and a port from 1 to 65535)")
      }
      if let first = seen[key] {
        throw MuniscanError(
          "\(file):\(line): \(url) is the site of line \(first) again (\(key), with or without www.); list each site once"
        )
      }
      seen[key] = line
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
