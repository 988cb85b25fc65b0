import BenchNation
import Foundation
import MuniscanHTML

/// The benchmark's pages: the fixture pages, each as it is and as a 25–50 KB page made by
/// repeating its body (the size of real municipal pages with their menus); or sites of the bench
/// server's synthetic nation, every page as the server sends it.
struct BenchCorpus {
  /// What the pages are, for the report.
  var description: String
  /// What the full analysis should keep of bare-parse throughput on these pages, if set.
  var target: String?
  var pages: [PageInput] = []
  /// Pages grouped by site, as the evaluator judges them.
  var sites: [[PageInput]] = []

  /// Sites `0..<sites` of the synthetic nation of `corpus`, `pages` pages each.
  static func nation(_ corpus: Corpus, sites: Int, pages: Int) -> BenchCorpus {
    let nation = SyntheticNation(sites: sites, pages: pages, corpus: corpus)
    var result = BenchCorpus(
      description: "\(sites) sites x \(pages) pages of the bench server's \(corpus) corpus",
      target: corpus == .dense ? "at least 100% of bare-parse, issue 10" : nil)
    for site in 0..<sites {
      let inputs = (0..<pages).map { page in
        PageInput(
          url: nation.url(site: site, page: page),
          headers: ["content-type": "text/html; charset=utf-8"],
          body: nation.html(site: site, page: page))
      }
      result.sites.append(inputs)
      result.pages += inputs
    }
    return result
  }

  static func load(fixtures: String) throws -> BenchCorpus {
    var corpus = BenchCorpus(
      description: "fixture pages and 25–50 KB pages built from them",
      target: "at least 70% of bare-parse")
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
