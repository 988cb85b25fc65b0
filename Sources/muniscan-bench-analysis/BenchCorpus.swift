import Foundation
import MuniscanHTML

/// The benchmark's pages: every fixture page as it is, plus a 25–50 KB page per fixture page
/// made by repeating its body, which is the size of real municipal pages with their menus.
struct BenchCorpus {
  var pages: [PageInput] = []
  /// Pages grouped by fixture site, as the evaluator judges them.
  var sites: [[PageInput]] = []

  static func load(fixtures: String) throws -> BenchCorpus {
    var corpus = BenchCorpus()
    let root = URL(fileURLWithPath: fixtures)
    for host in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
      var site: [PageInput] = []
      let folder = root.appendingPathComponent(host)
      guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
      for case let file as String in files where file.hasSuffix(".html") {
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        let url = "https://www.\(host)/\(file)"
        let page = PageInput(url: url, headers: ["content-type": "text/html"], body: Array(data))
        site.append(page)
        site.append(
          PageInput(
            url: url + "?large", headers: ["content-type": "text/html"], body: enlarged(Array(data))
          ))
      }
      guard !site.isEmpty else { continue }
      corpus.sites.append(site)
      corpus.pages += site
    }
    return corpus
  }

  /// The page with its `<body>` content repeated until it reaches at least 25 KB.
  private static func enlarged(_ page: [UInt8]) -> [UInt8] {
    let text = String(decoding: page, as: UTF8.self)
    guard let open = text.range(of: "<body"),
      let start = text[open.upperBound...].firstIndex(of: ">"),
      let close = text.range(of: "</body>", options: .backwards), start < close.lowerBound
    else { return page }
    let body = text[text.index(after: start)..<close.lowerBound]
    guard !body.isEmpty else { return page }
    var result = String(text[...start])
    while result.utf8.count < 25_000 { result += body }
    result += text[close.lowerBound...]
    return Array(result.utf8)
  }
}
