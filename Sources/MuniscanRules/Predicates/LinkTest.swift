import MuniscanCore

/// `link`: a link whose text holds one of the phrases and whose target fits the optional
/// constraints. A link to a page of the site that answered with an error never counts.
struct LinkTest: PredicateFamily {
  static let keys = ["link"]
  static let documentation = PredicateDocumentation(
    syntax: "`link: [phrases]` or `link: {text, url, host, region, except, standing}`",
    meaning:
      "a link whose text holds a phrase; `url` a regex on its target; `host` target on that domain (or a subdomain); `region` one of nav, header, footer, main, aside, body; `except` phrases its text must not hold; `standing: true` its target is no news item (the page crawled there, else its address)",
    evidence: "link text and target")

  /// Phrases of which the link text must hold one; empty means any text.
  var text: [Phrase] = []
  /// Regular expression the target URL must match.
  var url: String?
  /// Host names (or their parent domains) the target must be on, e.g. `riigiteataja.ee`.
  var hosts: [String] = []
  /// Regions the link must sit in; empty means anywhere.
  var regions: [PageRegion] = []
  /// Phrases the link text must not hold.
  var except: [Phrase] = []
  /// Whether the target must be a standing page, not a news item (``NewsItems``): a headline
  /// leading to a story about the budget is not a link to the budget.
  var standing = false

  static func read(key: String, _ value: YAMLValue) throws -> LinkTest {
    if case .sequence = value.node {
      return LinkTest(text: try PredicateReader.phrases(value, what: "'link'"))
    }
    let map = try value.mapping(
      allowing: ["text", "url", "host", "region", "except", "standing"], what: "'link'")
    var result = LinkTest()
    if let text = map["text"] {
      result.text = try PredicateReader.phrases(text, what: "'link.text'")
    }
    if let url = map["url"] { result.url = try PredicateReader.regex(url, what: "'link.url'") }
    if let host = map["host"] {
      result.hosts = try PredicateReader.hosts(host, what: "'link.host'")
    }
    if let region = map["region"] {
      result.regions = try region.strings(what: "'link.region'").map { name in
        guard let region = PageRegion(rawValue: name) else {
          throw region.error("unknown region '\(name)' (nav, header, footer, main, aside, body)")
        }
        return region
      }
    }
    if let except = map["except"] {
      result.except = try PredicateReader.phrases(except, what: "'link.except'")
    }
    if let standing = map["standing"] {
      try PredicateReader.flag(standing, "link.standing")
      result.standing = true
    }
    guard !result.text.isEmpty || result.url != nil || !result.hosts.isEmpty else {
      throw value.error("'link' needs at least one of text, url or host")
    }
    return result
  }

  var description: String {
    var parts: [String] = []
    if !text.isEmpty { parts.append("text with \(PredicateReader.quoted(text))") }
    if let url { parts.append("target matching /\(url)/") }
    if !hosts.isEmpty { parts.append("target on \(hosts.joined(separator: ", "))") }
    if !regions.isEmpty { parts.append("in \(regions.map(\.rawValue).joined(separator: ", "))") }
    if !except.isEmpty { parts.append("text without \(PredicateReader.quoted(except))") }
    if standing { parts.append("target no news item") }
    return "a link " + parts.joined(separator: "; ")
  }

  var phrases: [Phrase] { text + except }
  var patterns: [String] { url.map { [$0] } ?? [] }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest {
    Compiled(
      slot: compiler.slot(for: self), phrases: compiler.ids(text), except: compiler.ids(except),
      pattern: url.map(compiler.pattern), hosts: hosts, regions: regions, standing: standing)
  }

  /// The link test made ready: the site's distinct links are judged once, into its slot.
  struct Compiled: PageTest {
    var slot: Int
    var phrases: [Int]
    var except: [Int]
    var pattern: Int?
    var hosts: [String]
    var regions: [PageRegion]
    var standing: Bool

    func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
      let site = judge.site
      return judge.items(
        "link", selection(site), in: site.links, targets: site.linkTargets, on: page
      ) { link, target in PageJudge.inRow(link.text.isEmpty ? target : link.text, link.context) }
    }

    /// The site's distinct links passing the test: text, region, host, target, not broken.
    private func selection(_ site: SiteContext) -> Selection {
      site.selection(in: slot) {
        var ranks = Selection.ranks(
          count: site.links.items.count, phrases: phrases,
          matching: site.links.phrases.items(matching:))
        Selection.exclude(&ranks, except: except, matching: site.links.phrases.items(matching:))
        // Read once per selection, not once per candidate: the lazy table and its items.
        let links = site.links.items
        let targets = site.linkTargets
        for id in ranks.indices where ranks[id] != Selection.fails {
          if !passes(links[id], targets: targets, id: id, site) { ranks[id] = Selection.fails }
        }
        return Selection(ranks: ranks, in: site.links, pageCount: site.pages.count)
      }
    }

    /// Whether distinct link `id`, `link`, passes: region, host, target, not broken.
    private func passes(
      _ link: Link, targets: LinkTargets, id: Int, _ site: SiteContext
    ) -> Bool {
      if !regions.isEmpty, !regions.contains(link.region) { return false }
      let host = targets.host(id)
      if !hosts.isEmpty, !hosts.contains(where: { URLNormalizer.host(host, isWithin: $0) }) {
        return false
      }
      if let pattern, !site.plan.patterns.matches(pattern, in: link.url) { return false }
      if standing, site.isNewsItem(targets.target(id), host: host) { return false }
      return !site.isBroken(targets.target(id), host: host)
    }
  }
}
