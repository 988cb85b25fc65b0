/// A request path checked and split for the file system: percent-decoded, with empty and `.`
/// segments dropped. Creation fails for anything that could leave the site folder or reach a
/// hidden file: `..` or any segment starting with `.`, a backslash or NUL, bad percent-encoding.
struct SitePath: Equatable {
  var segments: [String]
  /// Whether the path ended with `/` (or was `/`).
  var isDirectory: Bool

  init?(_ rawPath: String) {
    guard rawPath.hasPrefix("/"), let decoded = Self.percentDecoded(rawPath) else { return nil }
    var segments: [String] = []
    for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
      if segment == "." { continue }
      if segment.hasPrefix(".") || segment.contains("\\") || segment.contains("\0") {
        return nil
      }
      segments.append(String(segment))
    }
    self.segments = segments
    self.isDirectory = decoded.hasSuffix("/") || decoded.hasSuffix("/.")
  }

  /// The file to serve from `site`, or `nil`; tries the query file, the path, its `index.html`,
  /// then `<path>.html`.
  func file(query: String?, in site: String) -> String? {
    let base = ([site] + segments).joined(separator: "/")
    let baseIsDirectory = StaticSites.isDirectory(base)
    if let query, !query.isEmpty {
      let sanitized = Self.sanitized(query)
      let candidate =
        baseIsDirectory || segments.isEmpty
        ? base + "/index__" + sanitized + ".html"
        : base + "__" + sanitized + ".html"
      if StaticSites.isFile(candidate) { return candidate }
    }
    if baseIsDirectory {
      let index = base + "/index.html"
      return StaticSites.isFile(index) ? index : nil
    }
    if isDirectory { return nil }
    if StaticSites.isFile(base) { return base }
    return StaticSites.isFile(base + ".html") ? base + ".html" : nil
  }

  /// Every character of `query` outside `A-Z a-z 0-9` replaced by `_` (`id=12` → `id_12`).
  static func sanitized(_ query: String) -> String {
    String(
      query.unicodeScalars.map { scalar -> Character in
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": Character(scalar)
        default: "_"
        }
      })
  }

  /// `%XX` escapes decoded as UTF-8; `nil` for a malformed escape or invalid UTF-8.
  static func percentDecoded(_ text: String) -> String? {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue),
        let low = iterator.next().flatMap(hexValue)
      else { return nil }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
