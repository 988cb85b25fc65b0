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
  /// Link targets normalised, parallel to `facts.links`.
  let linkTargets: [String]
  let linkHosts: [String]

  init(_ facts: PageFacts) {
    self.facts = facts
    title = FoldedBlob([facts.title])
    headings = FoldedBlob(facts.headings.map(\.text))
    links = FoldedBlob(facts.links.map(\.text))
    documents = FoldedBlob(facts.documents.map { $0.text + " " + Self.fileName($0.url) })
    text = FoldedBlob(text: facts.text)
    linkTargets = facts.links.map { URLNormalizer.normalize($0.url) ?? $0.url }
    linkHosts = linkTargets.map { URLNormalizer.siteKey($0) ?? "" }
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
