import Foundation

extension SyntheticNation {
  /// What every site's robots.txt says.
  static let robotsTxt = "User-agent: *\nDisallow: /otsing\n"

  /// Writes the nation as files for a static web server (the yardstick served its pages
  /// with nginx): `folder/<address>/` holds the site's home page as `index.html`, its robots.txt
  /// and every other page at its path; `folder/redirects.conf` the nginx `location` blocks that
  /// answer the dense corpus's folder URLs with the same 301 as ``respond(to:cache:)``.
  public func writeFiles(to folder: String) throws {
    let files = FileManager.default
    for site in 0..<sites {
      let root = folder + "/" + Self.address(of: site)
      for (section, _) in Self.sections {
        try files.createDirectory(
          atPath: root + "/" + section, withIntermediateDirectories: true)
      }
      try write(Array(Self.robotsTxt.utf8), to: root + "/robots.txt")
      for page in 0..<pages {
        try write(
          html(site: site, page: page), to: root + (page == 0 ? "/index.html" : path(of: page)))
      }
    }
    try write(Array(nginxRedirects.utf8), to: folder + "/redirects.conf")
  }

  /// The nginx `location` blocks of the folder URLs' redirects (none in the plain corpus): for
  /// every page but the home page, its ``folder(of:)`` to its ``path(of:)``, as the server
  /// answers them.
  var nginxRedirects: String {
    guard corpus == .dense else { return "" }
    return (1..<pages).map { page in
      "location = \(folder(of: page)) { return 301 \(path(of: page)); }\n"
    }.joined()
  }

  private func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }
}
