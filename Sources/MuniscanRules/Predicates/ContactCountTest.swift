import MuniscanCore

/// `email` and `phone`: at least so many distinct e-mail addresses or phone numbers on the
/// page, as the page analysis found them. A count of two or more is about the page's own
/// contacts (a council's members, a staff list), so those the site shows on most of its pages
/// (its footer) do not count towards it.
struct ContactCountTest: PredicateFamily {
  static let keys = ["email", "phone"]
  static let documentation = PredicateDocumentation(
    syntax: "`email: true` / `phone: true`, or `email: N` / `phone: N`",
    meaning:
      "the page shows an e-mail address / a phone number of the rule set's country (`locale.yml`; at least N distinct ones, N ≥ 2 not counting those the site shows on most of its pages, its footer)",
    evidence: "the first ones")

  enum Kind: String, Sendable, Hashable { case email, phone }

  var kind: Kind
  var atLeast: Int

  static func read(key: String, _ value: YAMLValue) throws -> ContactCountTest {
    let kind = Kind(rawValue: key) ?? .email
    if let number = value.node.int, case .scalar = value.node {
      guard number >= 1 else { throw value.error("'\(key)' takes true or a count of at least 1") }
      return ContactCountTest(kind: kind, atLeast: number)
    }
    guard try value.bool(what: "'\(key)'") else {
      throw value.error("'\(key)' only takes true or a count (use 'not' to negate)")
    }
    return ContactCountTest(kind: kind, atLeast: 1)
  }

  var description: String {
    switch (kind, atLeast) {
    case (.email, 1): return "an e-mail address"
    case (.email, _): return "at least \(atLeast) e-mail addresses"
    case (.phone, 1): return "a phone number"
    case (.phone, _): return "at least \(atLeast) phone numbers"
    }
  }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest { self }
}

extension ContactCountTest: PageTest {
  func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
    var found = kind == .email ? page.facts.emails : page.facts.phones
    if atLeast >= 2 {
      let siteWide = judge.site.siteWideContacts
      found.removeAll(where: siteWide.contains)
    }
    guard Set(found).count >= atLeast else { return nil }
    return [
      judge.evidence(page, kind.rawValue, found.prefix(atLeast).joined(separator: ", "))
    ]
  }
}
