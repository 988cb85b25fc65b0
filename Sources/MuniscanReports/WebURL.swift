/// Which URLs a report may turn into links: absolute http and https URLs only. A page's
/// `javascript:`, `data:` or relative link stays text, so a report never runs or loads it.
enum WebURL {
  /// The URL when a report may link to it, else nil.
  static func linkable(_ url: String) -> String? {
    let lower = url.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), url.count > 8 else {
      return nil
    }
    // Browsers drop tabs and line breaks inside URLs; a URL with any whitespace or control
    // character is not one a crawler recorded honestly.
    let clean = url.unicodeScalars.allSatisfy { scalar in
      scalar.value > 0x20 && scalar.value != 0x7F && !scalar.properties.isWhitespace
    }
    return clean ? url : nil
  }
}
