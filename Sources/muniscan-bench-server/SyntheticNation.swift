import FixtureServer

/// A made-up nation of municipal websites for the crawl benchmark, generated in memory and
/// deterministically: site `s` lives on loopback address `address(of: s)`, has `pages` pages of
/// 25–50 KB HTML shaped like Estonian municipal sites (inline scripts and SVG, a menu, a
/// breadcrumb, an article, related pages, document links, a footer), about 40 links per page
/// within the site, all reachable from the home page. robots.txt disallows `/otsing`.
struct SyntheticNation: Sendable {
  let sites: Int
  let pages: Int

  static let sections = [
    ("vallavalitsus", "Vallavalitsus"), ("volikogu", "Volikogu"),
    ("eelarve", "Eelarve ja majandus"),
    ("teenused", "Teenused"), ("haridus", "Haridus ja noorsootöö"),
    ("sotsiaal", "Sotsiaalhoolekanne"),
    ("planeeringud", "Planeeringud ja ehitus"), ("kultuur", "Kultuur ja sport"),
    ("uudised", "Uudised"), ("kontakt", "Kontakt"),
  ]

  /// The loopback address of site `site` (127.1.0.1, 127.1.0.2, …; 250 per third octet).
  static func address(of site: Int) -> String { "127.1.\(site / 250).\(site % 250 + 1)" }

  func site(forHost host: String) -> Int? {
    let parts = host.split(separator: ".")
    guard parts.count == 4, parts[0] == "127", parts[1] == "1", let high = Int(parts[2]),
      let low = Int(parts[3]), low >= 1, low <= 250
    else { return nil }
    let site = high * 250 + low - 1
    return site < sites ? site : nil
  }

  func respond(to request: FixtureRequest) -> FixtureResponse {
    guard let site = site(forHost: request.host) else { return .notFound }
    if request.path == "/robots.txt" {
      return .text("User-agent: *\nDisallow: /otsing\n")
    }
    guard let page = page(at: request.path) else { return .notFound }
    var writer = PageWriter(site: site, page: page, nation: self)
    return .ok(body: writer.html(), contentType: "text/html; charset=utf-8")
  }

  /// The page a path names: `/` is 0, `/<section>/<slug>-<n>` is n.
  func page(at path: String) -> Int? {
    if path == "/" { return 0 }
    let segments = path.split(separator: "/")
    guard segments.count == 2, Self.sections.contains(where: { $0.0 == segments[0] }),
      let dash = segments[1].lastIndex(of: "-"),
      let page = Int(segments[1][segments[1].index(after: dash)...]),
      page > 0, page < pages, segments[0] == Self.sections[page % Self.sections.count].0
    else { return nil }
    return page
  }

  func path(of page: Int) -> String {
    guard page > 0 else { return "/" }
    return "/\(Self.sections[page % Self.sections.count].0)/\(PageWriter.slug(page))-\(page)"
  }
}
