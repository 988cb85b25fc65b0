import MuniscanCore

/// JUnit XML, so a municipality's own CI shows each missing criterion as a failing test: one
/// `testsuite` per site, one `testcase` per criterion. `fail` and `partial` are `<failure>`s
/// (a partial criterion is on the site's to-do list too, so CI must not hide it as skipped;
/// the failure's `type` tells them apart), `unknown` is an `<error>`, and `pass` is a passing
/// test case. A site that was not audited is one test case in error, with the reason.
public struct JUnitReporter: Reporter {
  public let name = "junit"
  public let fileName = "junit.xml"

  public init() {}

  public func render(_ scorecard: Scorecard, options: ReportOptions) throws -> String {
    let index = ScorecardIndex(scorecard)
    let words = options.words
    let suites =
      index.audited.map { suite($0, index, words) }
      + index.notAudited.map { notAuditedSuite($0, words) }
    let findings = index.audited.flatMap(\.findings)
    let failures = findings.filter { $0.status == .fail || $0.status == .partial }.count
    let errors = findings.filter { $0.status == .unknown }.count + index.notAudited.count
    let tests = findings.count + index.notAudited.count
    let name = "muniscan \(scorecard.ruleSetID) \(scorecard.ruleSetVersion) \(scorecard.asOf)"
    let document: Markup = """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="\(name)" tests="\(tests)" failures="\(failures)" errors="\(errors)" skipped="0">
      \(Markup(joining: suites))</testsuites>

      """
    return document.description
  }

  private func suite(_ site: SiteResult, _ index: ScorecardIndex, _ words: ReportWords) -> Markup {
    let failures = site.findings.filter { $0.status == .fail || $0.status == .partial }.count
    let errors = site.findings.filter { $0.status == .unknown }.count
    var properties: [Markup] = [
      property("url", site.site.url), property("rank", site.rank.map(String.init) ?? ""),
      property("total", format(site.total ?? 0)),
      property("band", site.band?.rawValue ?? ""), property("pages", "\(site.pagesCrawled)"),
    ]
    if let previous = index.change(site)?.previousTotal {
      properties.append(property("previousTotal", format(previous)))
    }
    let cases = site.findings.map { testCase($0, site, index, words) }
    return """
        <testsuite name="\(site.site.name)" tests="\(site.findings.count)" failures="\(failures)" errors="\(errors)" skipped="0">
          <properties>
      \(Markup(joining: properties))    </properties>
      \(Markup(joining: cases))  </testsuite>

      """
  }

  /// A site that was not audited: one test case, `audit`, in error with the reason, instead of
  /// an error per criterion; no rank, total or band.
  private func notAuditedSuite(_ site: SiteResult, _ words: ReportWords) -> Markup {
    let reason = NotAuditedReason(site.outcome).map { $0.line(words) } ?? ""
    let properties: [Markup] = [
      property("url", site.site.url), property("status", site.status.rawValue),
      property("reason", site.outcome.reason ?? ""),
    ]
    return """
        <testsuite name="\(site.site.name)" tests="1" failures="0" errors="1" skipped="0">
          <properties>
      \(Markup(joining: properties))    </properties>
          <testcase classname="\(site.site.name)" name="audit">
            <error type="\(site.status.rawValue)" message="\(reason)"/>
          </testcase>
        </testsuite>

      """
  }

  private func property(_ name: String, _ value: String) -> Markup {
    "      <property name=\"\(name)\" value=\"\(value)\"/>\n"
  }

  private func testCase(
    _ finding: Finding, _ site: SiteResult, _ index: ScorecardIndex, _ words: ReportWords
  ) -> Markup {
    let name = "\(finding.ruleID): \(index.criterionTitle(finding.ruleID, words))"
    let open: Markup =
      "    <testcase classname=\"\(site.site.name).\(finding.area)\" name=\"\(name)\""
    let evidence = finding.evidence.map {
      "\($0.url) — \(words.evidenceKind($0.kind)): \($0.snippet)"
    }.joined(
      separator: "\n")
    switch finding.status {
    case .pass:
      guard !evidence.isEmpty else { return "\(open)/>\n" }
      return "\(open)>\n      <system-out>\(evidence)</system-out>\n    </testcase>\n"
    case .fail, .partial:
      let body = [index.advice(finding.ruleID, words), evidence].filter { !$0.isEmpty }.joined(
        separator: "\n")
      let message = "\(words.status(finding.status)): \(words.reason(finding.reason))"
      return """
        \(open)>
              <failure type="\(finding.status.rawValue)" message="\(message)">\(body)</failure>
            </testcase>

        """
    case .unknown:
      return """
        \(open)>
              <error type="unknown" message="\(words.reason(finding.reason))"/>
            </testcase>

        """
    }
  }
}
