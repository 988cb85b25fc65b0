import MuniscanCore

/// A static web site of the scorecard that works offline and from any web host: `index.html`
/// (totals chart, sortable ranking, area heat map, criteria counts, changes) and one page per
/// site under `sites/` (every criterion with its evidence, advice, area chart and trend).
/// Pages carry their stylesheet and script inline and load nothing, read on a phone as on a wide
/// screen, and show a site that could not be fetched apart, as not audited, never as a score;
/// every interpolated value goes through `Markup`, which escapes it.
public struct HTMLReporter: Reporter {
  public let name = "html"
  public let fileName = "index.html"

  public init() {}

  /// The site pages: a site dropped from the sites file must not keep a stale page.
  public var ownedFolders: [(path: String, fileExtension: String)] { [("sites", "html")] }

  /// A folder of pages cannot go to standard output.
  public func render(_ scorecard: Scorecard, options: ReportOptions) throws -> String {
    throw ReportError("--format html writes a folder of pages: give --out DIR")
  }

  public func files(_ scorecard: Scorecard, options: ReportOptions) throws -> [ReportFile] {
    let index = ScorecardIndex(scorecard)
    let slugs = Self.slugs(scorecard.sites)
    let words = options.words
    let indexPage = HTMLIndexPage(index: index, slugs: slugs, words: words)
    var files = [
      ReportFile(
        path: fileName,
        contents: Self.page(title: words[.title], words: words, body: indexPage.body))
    ]
    for (site, slug) in zip(scorecard.sites, slugs) {
      let sitePage = HTMLSitePage(site: site, index: index, words: words)
      files.append(
        ReportFile(
          path: "sites/\(slug).html",
          contents: Self.page(
            title: "\(site.site.name) — \(words[.title])", words: words,
            body: sitePage.body)
        ))
    }
    return files
  }

  /// File names for the site pages, in the sites' order: the URL's host and path in lowercase
  /// letters, digits and dashes, numbered when two sites would get the same name.
  static func slugs(_ sites: [SiteResult]) -> [String] {
    var used: Set<String> = []
    return sites.map { site in
      var address = Substring(site.site.url.lowercased())
      if let scheme = address.range(of: "://") { address = address[scheme.upperBound...] }
      if address.hasPrefix("www.") { address = address.dropFirst(4) }
      var slug = ""
      for scalar in address.unicodeScalars {
        let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        if keep {
          slug.unicodeScalars.append(scalar)
        } else if !slug.isEmpty, !slug.hasSuffix("-") {
          slug += "-"
        }
      }
      while slug.hasSuffix("-") { slug.removeLast() }
      if slug.isEmpty { slug = "site" }
      var candidate = slug
      var number = 2
      while used.contains(candidate) {
        candidate = "\(slug)-\(number)"
        number += 1
      }
      used.insert(candidate)
      return candidate
    }
  }

  /// The page shell: words, character set, viewport, security policy, inline style and script.
  static func page(title: String, words: ReportWords, body: Markup) -> String {
    let page: Markup = """
      <!DOCTYPE html>
      <html lang="\(words.language.code)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="\(HTMLAssets.contentSecurityPolicy)">
      <meta name="referrer" content="no-referrer">
      <title>\(title)</title>
      <style>\(Markup(trusted: HTMLStyle.sheet))</style>
      </head>
      <body>
      \(body)
      <script>\(Markup(trusted: HTMLScript.source))</script>
      </body>
      </html>

      """
    return page.description
  }
}
