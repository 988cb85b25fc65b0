import Foundation

/// Serves a folder of static fixture sites, one sub-folder per host: `<root>/<host>/<path>`.
///
/// - `www.example.ee` and `example.ee` share one folder, whichever of the two names it has.
/// - `/` and directory paths serve `index.html`; a path without a file falls back to
///   `<path>.html` (clean URLs). Directory paths are served as they are, never redirected.
/// - A query maps to a sibling file named `<last segment>__<query>.html` (`index` for a
///   directory), where every character of the raw query outside `A-Z a-z 0-9` becomes
///   `_`: `/uudised?page=2&s=a` → `uudised__page_2_s_a.html`, `/?lang=en` →
///   `index__lang_en.html`. When that file is missing the query is ignored.
/// - `<root>/<host>/_redirects` (optional) holds lines `FROM STATUS TO` (`#` starts a comment):
///   `/vana-leht 301 /uus-leht`. FROM is compared with the raw path, or with path and query when
///   it contains `?`. A 3xx status redirects to TO; any other status (e.g. `/kadunud 410`) is
///   answered as it is. Redirects are checked before files.
/// - Content types come from the extension; HTML carries no charset (the page's `<meta>` decides),
///   other text is UTF-8.
/// - Unknown hosts and files get a 404 with a small HTML body; methods other than GET and HEAD a
///   405. Paths with `..` or hidden (`.`) segments, raw or percent-encoded, are refused with a
///   404, and no file outside the host's folder is ever served, symbolic links included.
public struct StaticSites: Sendable {
  /// The sites folder, absolute with symbolic links resolved.
  public let root: String
  /// The site folder names, sorted.
  public let hosts: [String]

  /// Throws ``FixtureServerError/missingRoot(_:)`` if `root` is not a directory.
  public init(root: String) throws {
    guard Self.isDirectory(root) else { throw FixtureServerError.missingRoot(root) }
    let canonical = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    self.root = canonical
    let names = (try? FileManager.default.contentsOfDirectory(atPath: canonical)) ?? []
    hosts = names.filter { !$0.hasPrefix(".") && Self.isDirectory(canonical + "/" + $0) }.sorted()
  }

  /// The response for `request`: a file, a redirect, or a 404.
  public func respond(to request: FixtureRequest) -> FixtureResponse {
    guard request.method == "GET" || request.method == "HEAD" else {
      return .status(405, headers: [("Allow", "GET, HEAD")])
    }
    guard let site = siteFolder(for: request.host) else { return .notFound }
    if let redirect = SiteRedirects(contentsOf: site + "/_redirects")?.response(for: request) {
      return redirect
    }
    guard let path = SitePath(request.path), path.segments != ["_redirects"],
      let file = path.file(query: request.query, in: site),
      Self.isInside(site, file),
      let data = FileManager.default.contents(atPath: file)
    else {
      return .notFound
    }
    let name = file.split(separator: "/").last.map(String.init) ?? file
    return .ok(body: [UInt8](data), contentType: ContentTypes.forFile(named: name))
  }

  /// The folder for `host`: the host itself, or its `www.`-less or `www.` twin.
  func siteFolder(for host: String) -> String? {
    let host = host.lowercased()
    guard !host.isEmpty, !host.hasPrefix("."),
      !host.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" })
    else { return nil }
    let twin = host.hasPrefix("www.") ? String(host.dropFirst(4)) : "www." + host
    for name in [host, twin] where !name.isEmpty && Self.isDirectory(root + "/" + name) {
      return root + "/" + name
    }
    return nil
  }

  /// Whether `file`, with every symbolic link resolved, still lies in the `site` folder.
  private static func isInside(_ site: String, _ file: String) -> Bool {
    let resolvedSite = URL(fileURLWithPath: site).resolvingSymlinksInPath().path
    let resolvedFile = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
    return resolvedFile.hasPrefix(resolvedSite + "/")
  }

  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  static func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && !isDirectory.boolValue
  }
}
