import FixtureServer

/// A made-up nation of municipal websites for the crawl and analysis benchmarks, generated in
/// memory and deterministically: site `s` lives on loopback address `address(of: s)`, has `pages`
/// pages of 25–50 KB HTML shaped like Estonian municipal sites (inline scripts and SVG, a menu, a
/// breadcrumb, an article, related pages, document links, a footer), about 40 links per page
/// within the site, all reachable from the home page. robots.txt disallows `/otsing`. The
/// ``Corpus`` decides the wording and whether links go through redirecting folder URLs.
public struct SyntheticNation: Sendable {
  public let sites: Int
  public let pages: Int
  public let corpus: Corpus

  public init(sites: Int, pages: Int, corpus: Corpus = .plain) {
    self.sites = sites
    self.pages = pages
    self.corpus = corpus
  }

  static let sections = [
    ("vallavalitsus", "Vallavalitsus"), ("volikogu", "Volikogu"),
    ("eelarve", "Eelarve ja majandus"),
    ("teenused", "Teenused"), ("haridus", "Haridus ja noorsootöö"),
    ("sotsiaal", "Sotsiaalhoolekanne"),
    ("planeeringud", "Planeeringud ja ehitus"), ("kultuur", "Kultuur ja sport"),
    ("uudised", "Uudised"), ("kontakt", "Kontakt"),
  ]

  /// The loopback address of site `site` (127.1.0.1, 127.1.0.2, …; 250 per third octet).
  public static func address(of site: Int) -> String {
    "127.1.\(site / 250).\(site % 250 + 1)"
  }

  func site(forHost host: String) -> Int? {
    let parts = host.split(separator: ".")
    guard parts.count == 4, parts[0] == "127", parts[1] == "1", let high = Int(parts[2]),
      let low = Int(parts[3]), low >= 1, low <= 250
    else { return nil }
    let site = high * 250 + low - 1
    return site < sites ? site : nil
  }

  /// The answer to `request`, its page taken from `cache` when one is given.
  public func respond(to request: FixtureRequest, cache: PageCache? = nil) -> FixtureResponse {
    guard let site = site(forHost: request.host) else { return .notFound }
    if request.path == "/robots.txt" {
      return .text(Self.robotsTxt)
    }
    if let page = page(at: request.path) {
      let body = cache?.html(site: site, page: page) ?? html(site: site, page: page)
      return .ok(body: body, contentType: "text/html; charset=utf-8")
    }
    if corpus == .dense, let page = page(atFolder: request.path) {
      return .redirect(to: path(of: page))
    }
    return .notFound
  }

  /// Page `page` of site `site`, as the server sends it.
  public func html(site: Int, page: Int) -> [UInt8] {
    var writer = PageWriter(site: site, page: page, nation: self)
    return writer.html()
  }

  /// The URL of page `page` of site `site` on port 80, as the analysis benchmark names pages.
  public func url(site: Int, page: Int) -> String {
    "http://\(Self.address(of: site))\(path(of: page))"
  }

  /// The page a path names: `/` is 0, `/<section>/<slug>-<n>` is n.
  func page(at path: String) -> Int? {
    if path == "/" { return 0 }
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    guard segments.count == 3, segments[0].isEmpty,
      Self.sections.contains(where: { $0.0 == segments[1] }),
      let dash = segments[2].lastIndex(of: "-"),
      let page = Int(segments[2][segments[2].index(after: dash)...]),
      page > 0, page < pages, segments[1] == Self.sections[page % Self.sections.count].0
    else { return nil }
    return page
  }

  /// The path of page `page`: `/` for the home page, `/<section>/<slug>-<n>` for the others.
  func path(of page: Int) -> String {
    guard page > 0 else { return "/" }
    return "/\(Self.sections[page % Self.sections.count].0)/\(PageWriter.slug(page))-\(page)"
  }

  /// What links within a site name page `page` by: its path, or in the dense corpus its folder.
  func link(to page: Int) -> String {
    corpus == .dense ? folder(of: page) : path(of: page)
  }

  /// The one folder URL that redirects to page `page` (dense corpus): a section's landing page
  /// (pages 1–10, the menu's targets) is the section's folder `/<section>/`, any other page its
  /// own path with a slash. The home page is `/` itself.
  func folder(of page: Int) -> String {
    guard page > 0 else { return "/" }
    guard page > Self.sections.count else {
      return "/\(Self.sections[page % Self.sections.count].0)/"
    }
    return path(of: page) + "/"
  }

  /// The page that folder URL `path` redirects to (dense corpus), the inverse of `folder(of:)`.
  func page(atFolder path: String) -> Int? {
    guard path.count > 1, path.hasSuffix("/") else { return nil }
    let segments = path.split(separator: "/")
    if segments.count == 1, let section = Self.sections.firstIndex(where: { $0.0 == segments[0] }) {
      let page = section == 0 ? Self.sections.count : section
      return page < pages ? page : nil
    }
    guard let page = page(at: String(path.dropLast())), page > Self.sections.count else {
      return nil
    }
    return page
  }
}
