import Foundation
import MuniscanCore

/// A page's facts with every text field folded once for matching, shared by all rules.
final class IndexedPage {
  let facts: PageFacts
  let title: FoldedBlob
  let headings: FoldedBlob
  let links: FoldedBlob
  let documents: FoldedBlob
  let text: FoldedBlob
  /// Normalised link targets and their site keys, made on first use: most links never match.
  private var normalizedTargets: [String?]
  private var hosts: [String?]

  init(_ facts: PageFacts, matcher: PhraseMatcher) {
    self.facts = facts
    title = FoldedBlob([facts.title], matcher: matcher)
    headings = FoldedBlob(facts.headings.map(\.text), matcher: matcher)
    links = FoldedBlob(facts.links.map(\.text), matcher: matcher)
    documents = FoldedBlob(
      facts.documents.map { $0.text + " " + Self.fileName($0.url) }, matcher: matcher)
    text = FoldedBlob(text: facts.text, matcher: matcher)
    normalizedTargets = Array(repeating: nil, count: facts.links.count)
    hosts = Array(repeating: nil, count: facts.links.count)
  }

  /// Link indices by target site key, made on first use, for predicates that ask for links to
  /// a domain whatever their text: a page links to few distinct hosts.
  private(set) lazy var linksByHost: [String: [Int]] = {
    var byHost: [String: [Int]] = [:]
    for index in facts.links.indices { byHost[linkHost(index), default: []].append(index) }
    return byHost
  }()

  /// The site key (host without `www.`) of link `index`'s target.
  func linkHost(_ index: Int) -> String {
    if let known = hosts[index] { return known }
    let host = URLNormalizer.siteKey(facts.links[index].url) ?? ""
    hosts[index] = host
    return host
  }

  /// The normalised target of link `index`.
  func linkTarget(_ index: Int) -> String {
    if let known = normalizedTargets[index] { return known }
    let url = facts.links[index].url
    let target = URLNormalizer.normalize(url) ?? url
    normalizedTargets[index] = target
    return target
  }

  /// The last path segment of a URL with separators made spaces, so `eelarve_2026.pdf` reads
  /// as words.
  static func fileName(_ url: String) -> String {
    let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    let last = path.split(separator: "/").last.map(String.init) ?? ""
    return (last.removingPercentEncoding ?? last)
  }

  /// Dates written in the page, for evidence that borrows its page's dates. `Last-Modified` is
  /// left out: dynamic CMS pages send the time of the request, which would make anything fresh.
  var days: [Day] { facts.dates }
}
