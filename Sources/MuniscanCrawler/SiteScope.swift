import MuniscanCore

/// Decides which URLs belong to the site being crawled: same host (with `www.` and the bare
/// domain as one site), http or https, not a document download, not absurdly long.
struct SiteScope: Sendable {
  let siteKey: String
  let maxURLLength: Int

  static let documentExtensions: Set<String> = [
    "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "bdoc",
    "asice", "ddoc", "zip", "rar", "7z", "jpg", "jpeg", "png", "gif", "svg", "webp", "mp3",
    "mp4", "avi", "mov", "exe", "dmg", "iso", "csv", "xml", "json", "ics",
  ]

  /// Whether a normalised URL is a page of this site worth fetching.
  func contains(_ url: String) -> Bool {
    url.utf8.count <= maxURLLength && isOnSite(url) && !Self.isDownload(url)
  }

  /// Whether a URL is on one of the site's hosts (`www.` or bare), whatever it points to.
  func isOnSite(_ url: String) -> Bool {
    URLNormalizer.siteKey(url) == siteKey
  }

  /// Whether the URL's path ends in a file extension that is not a web page.
  static func isDownload(_ url: String) -> Bool {
    let path = url.split(separator: "?", maxSplits: 1)[0]
    guard let last = path.split(separator: "/").last, let dot = last.lastIndex(of: ".") else {
      return false
    }
    return documentExtensions.contains(last[last.index(after: dot)...].lowercased())
  }
}
