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
    URLNormalizer.siteKey(of: url, is: siteKey)
  }

  /// Whether the URL's path ends in a file extension that is not a web page: the last
  /// non-empty segment of the path before any `?`, after its last dot. Read on the bytes when
  /// the URL is ASCII (a crawl asks it of every link of every page), else by
  /// ``isDownloadReadingCharacters(_:)``.
  static func isDownload(_ url: String) -> Bool {
    var url = url
    let answer = url.withUTF8 { bytes -> Bool? in
      guard bytes.first != UInt8(ascii: "?"), bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      var end = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
      while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
      var start = end
      while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
      guard let dot = bytes[start..<end].lastIndex(of: UInt8(ascii: ".")) else { return false }
      let lowered = bytes[(dot + 1)..<end].map(\.asciiLowercased)
      return documentExtensions.contains(String(decoding: lowered, as: UTF8.self))
    }
    return answer ?? isDownloadReadingCharacters(url)
  }

  /// ``isDownload(_:)`` read as characters, for URLs that are not ASCII.
  static func isDownloadReadingCharacters(_ url: String) -> Bool {
    guard let path = url.split(separator: "?", maxSplits: 1).first,
      let last = path.split(separator: "/").last, let dot = last.lastIndex(of: ".")
    else {
      return false
    }
    return documentExtensions.contains(last[last.index(after: dot)...].lowercased())
  }
}
