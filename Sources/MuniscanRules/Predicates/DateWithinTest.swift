import MuniscanCore

/// `date_within`: a date written in the page within N days of the audit date, before it or
/// after it: a notice of a hearing to come is as current as the report of one just held.
struct DateWithinTest: PredicateFamily {
  static let keys = ["date_within"]
  static let documentation = PredicateDocumentation(
    syntax: "`date_within: N`",
    meaning:
      "the page carries a date (as `locale.yml` reads dates) within N days of the audit date, before or after it (an upcoming hearing)",
    evidence: "the date")

  var days: Int

  static func read(key: String, _ value: YAMLValue) throws -> DateWithinTest {
    let days = try value.int(what: "'date_within'")
    guard days > 0 else { throw value.error("'date_within' must be a positive number of days") }
    return DateWithinTest(days: days)
  }

  var description: String { "a date within \(days) days" }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest { self }
}

extension DateWithinTest: PageTest {
  func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
    let asOf = judge.asOf
    // The nearest such date (the earlier of two as near: the page's dates are sorted).
    let near = page.days.filter { abs($0.days(until: asOf)) <= days }
      .min { abs($0.days(until: asOf)) < abs($1.days(until: asOf)) }
    return near.map {
      [Evidence(url: page.facts.url, kind: "date", snippet: $0.description, date: $0)]
    }
  }
}
