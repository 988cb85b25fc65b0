import Foundation
import MuniscanCore

/// Tells news from standing pages. A news story or a news list reports that something happened
/// ("the council adopted the development plan") and is replaced by the next; an auditor does not
/// accept it where a criterion needs the thing itself on a page of its own (the members, the
/// budget, the plan). A page is a news item when its address says so — a path word among the
/// language files' `news_words`, alone or ending a compound (`/uudised/…`, `/vallauudised/…`,
/// `/en/news/…`, `/ru/novosti/…`) or a dated permalink (`/2026/03/12/slug/`) — or when it links
/// back to such a list with a link that begins with one of their `back_words` ("« Tagasi" →
/// `/uudised-ja-teated`), or when another page of the site leads to it with a short link naming
/// news ("Uudised", "Valla uudised", "Новости": a news list at an address that does not say so).
struct NewsItems: Sendable {
  let words: Set<String>
  let backWords: Set<String>
  /// The longest link text (UTF-8 bytes) read as a possible back link.
  static let backLinkLength = 48

  init(locale: PageLocale) {
    words = locale.newsWords
    backWords = locale.backWords
  }

  /// Whether the page is a news story or a news list.
  func isNewsItem(_ page: PageFacts) -> Bool {
    if isNewsAddress(page.url) { return true }
    guard !backWords.isEmpty else { return false }
    return page.links.contains { link in
      // A back link is a word or two ("« Tagasi", "Назад к списку"): longer texts are skipped
      // unread.
      guard link.text.utf8.count <= Self.backLinkLength else { return false }
      let first = TextNormalizer.normalize(link.text).prefix { $0 != " " }
      return backWords.contains(String(first)) && isNewsAddress(link.url)
    }
  }

  /// Whether a link's text names news: a word or three, one of them a news word or a compound
  /// ending in one ("Uudised", "Kõik uudised", "Vallauudised"). Its target is a news list.
  func namesNews(link: Link) -> Bool {
    guard link.text.utf8.count <= Self.backLinkLength else { return false }
    let words = TextNormalizer.normalize(link.text).split(separator: " ")
    return words.count <= 3 && words.contains(where: namesNews)
  }

  /// Whether a URL's path or a value of its query names news (`/uudised/12`,
  /// `index.php?leht=uudised&id=203`), or its path is a dated permalink.
  func isNewsAddress(_ url: String) -> Bool {
    let segments = Self.pathSegments(url)
    let named = (segments + Self.queryValues(url)).contains { part in
      TextNormalizer.normalize(part).split(separator: " ").contains(where: namesNews)
    }
    return named || Self.hasDatedPermalink(segments)
  }

  /// The decoded values of a URL's query (`leht=uudised&id=2` → uudised, 2): many CMSs name
  /// their sections there.
  static func queryValues(_ url: String) -> [String] {
    guard let question = url.firstIndex(of: "?") else { return [] }
    let query = url[url.index(after: question)...].prefix { $0 != "#" }
    return query.split(separator: "&").compactMap { pair in
      guard let equals = pair.firstIndex(of: "=") else { return nil }
      let value = pair[pair.index(after: equals)...].replacingOccurrences(of: "+", with: " ")
      return value.removingPercentEncoding ?? value
    }
  }

  /// Whether a word of an address is a news word or a compound ending in one.
  private func namesNews(_ word: Substring) -> Bool {
    words.contains { word.hasSuffix($0) }
  }

  /// The decoded segments of a URL's path, without the scheme, host, query or fragment.
  static func pathSegments(_ url: String) -> [String] {
    var rest = Substring(url)
    if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
    guard let slash = rest.firstIndex(of: "/") else { return [] }
    let path = rest[slash...].prefix { $0 != "?" && $0 != "#" }
    return path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
  }

  /// A year, month and day as three path segments in a row (`/2026/03/12/`), as blogs and
  /// news modules address their posts; upload folders (`/uploads/2026/03/`) have no day.
  static func hasDatedPermalink(_ segments: [String]) -> Bool {
    guard segments.count >= 3 else { return false }
    for start in 0...(segments.count - 3) {
      guard let year = number(segments[start], digits: 4...4), (1990...2100).contains(year),
        let month = number(segments[start + 1], digits: 1...2), (1...12).contains(month),
        let day = number(segments[start + 2], digits: 1...2), (1...31).contains(day)
      else { continue }
      return true
    }
    return false
  }

  private static func number(_ text: String, digits: ClosedRange<Int>) -> Int? {
    guard digits.contains(text.utf8.count), text.utf8.allSatisfy({ $0 &- 0x30 < 10 }) else {
      return nil
    }
    return Int(text)
  }
}
