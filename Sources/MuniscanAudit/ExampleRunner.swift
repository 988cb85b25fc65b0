import MuniscanCore
import MuniscanHTML
import MuniscanRules

/// A rule example whose verdict differs from the one the rule file promises.
public struct ExampleFailure: Sendable, CustomStringConvertible {
  public var ruleID: String
  public var location: SourceLocation
  public var expected: FindingStatus
  public var actual: FindingStatus
  public var reason: Reason
  /// Whether the verdict was reached with the page read ahead (``Evaluator/preread(_:)``), as
  /// a live crawl reads it.
  public var readAhead = false

  public var description: String {
    "\(location): \(ruleID): example expected \(expected.rawValue) but got \(actual.rawValue)"
      + "\(readAhead ? " with the page read ahead" : "") (\(reason))"
  }
}

/// Runs every rule's examples as one-page sites, so rule files test themselves (as SwiftLint's
/// rule examples do): where rules meet the page analysis. Each is judged twice, its page read
/// when judged (as `score` reads it) and read ahead (as a live crawl does), for one verdict.
public enum ExampleRunner {
  /// Number of examples run and those that failed.
  public static func run(_ ruleSet: RuleSet) throws -> (count: Int, failures: [ExampleFailure]) {
    let analyzer = try PageAnalyzer(
      queries: ruleSet.queries.map(\.query), locale: ruleSet.locale)
    let evaluator = Evaluator(ruleSet: ruleSet)
    var count = 0
    var failures: [ExampleFailure] = []
    for (index, rule) in ruleSet.rules.enumerated() {
      for example in rule.examples {
        count += 1
        let facts = analyzer.analyze(
          PageInput(
            url: example.url, headers: ["content-type": "text/html; charset=utf-8"],
            body: Array(example.html.utf8)))
        let https = example.url.hasPrefix("https://")
        let crawl = SiteCrawl(
          site: Site(name: "example", url: example.url), outcome: .crawled, finalURL: example.url,
          https: HTTPSFacts(servedOverHTTPS: https, httpRedirectsToHTTPS: https), pages: [facts])
        var readAhead = crawl
        readAhead.prereads = [evaluator.preread(facts)]
        for (crawl, ahead) in [(crawl, false), (readAhead, true)] {
          let finding = evaluator.finding(forRule: index, in: crawl, asOf: ruleSet.examplesAsOf)
          guard finding.status != example.expected else { continue }
          failures.append(
            ExampleFailure(
              ruleID: rule.id, location: example.location, expected: example.expected,
              actual: finding.status, reason: finding.reason, readAhead: ahead))
        }
      }
    }
    return (count, failures)
  }
}
