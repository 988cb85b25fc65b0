import MuniscanCore

/// `embed`: embedded content (iframe, embed, object, video or audio source) from a host or
/// address: a council's video player, a map, a register shown inside the page.
struct EmbedTest: PredicateFamily {
  static let keys = ["embed"]
  static let documentation = PredicateDocumentation(
    syntax: "`embed: [hosts]` or `embed: {host, url}`",
    meaning:
      "the page embeds content (`<iframe>`, `<embed>`, `<object>`, `<video>`/`<audio>` source) from that domain (or a subdomain); `url` a regex on its address",
    evidence: "the embedded address")

  /// Regular expression the embedded address must match.
  var url: String?
  /// Host names (or their parent domains) the embedded address must be on.
  var hosts: [String] = []

  static func read(key: String, _ value: YAMLValue) throws -> EmbedTest {
    if case .sequence = value.node {
      return EmbedTest(hosts: try PredicateReader.hosts(value, what: "'embed'"))
    }
    let map = try value.mapping(allowing: ["url", "host"], what: "'embed'")
    var result = EmbedTest()
    if let url = map["url"] { result.url = try PredicateReader.regex(url, what: "'embed.url'") }
    if let host = map["host"] {
      result.hosts = try PredicateReader.hosts(host, what: "'embed.host'")
    }
    guard result.url != nil || !result.hosts.isEmpty else {
      throw value.error("'embed' needs a url or a host")
    }
    return result
  }

  var description: String {
    var parts: [String] = []
    if !hosts.isEmpty { parts.append("from \(hosts.joined(separator: ", "))") }
    if let url { parts.append("with an address matching /\(url)/") }
    return "embedded content (iframe, video, …) " + parts.joined(separator: "; ")
  }

  var patterns: [String] { url.map { [$0] } ?? [] }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest {
    Compiled(pattern: url.map(compiler.pattern), hosts: hosts)
  }

  /// The embed test made ready.
  struct Compiled: PageTest {
    var pattern: Int?
    var hosts: [String]

    var cost: Int { 3 }

    func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
      let found = page.facts.embeds.filter { url in
        if !hosts.isEmpty {
          let host = URLNormalizer.siteKey(url) ?? ""
          guard hosts.contains(where: { URLNormalizer.host(host, isWithin: $0) }) else {
            return false
          }
        }
        return pattern.map { judge.patterns.matches($0, in: url) } ?? true
      }
      guard !found.isEmpty else { return nil }
      return found.prefix(PageJudge.evidencePerPage).map {
        judge.evidence(page, "embed", $0, target: $0)
      }
    }
  }
}
