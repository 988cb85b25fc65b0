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
  /// The news words, folded, as UTF-8 bytes: a word of an address or a link names news when it
  /// ends in one of them.
  private let words: [[UInt8]]
  private let backWords: Set<[UInt8]>
  /// The longest link text (UTF-8 bytes) read as a possible back link.
  static let backLinkLength = 48

  init(locale: PageLocale) {
    words = locale.newsWords.sorted().map { Array($0.utf8) }
    backWords = Set(locale.backWords.map { Array($0.utf8) })
  }

  /// What the link texts and addresses of one site were found to say, so that a menu repeated
  /// on every page is read once.
  struct Memo {
    fileprivate var texts: [UTF8Key: TextReading] = [:]
    fileprivate var addresses: [UTF8Key: Bool] = [:]
    /// What texts and address parts are folded into, kept from one to the next.
    fileprivate var folded: [UInt8] = []
  }

  /// What a short link text says: whether it begins with a back word, whether it names news.
  fileprivate struct TextReading {
    var back = false
    var names = false
  }

  /// Whether the page is a news story or a news list: its address, or one of its links leading
  /// back to news.
  func isNewsItem(_ page: PageFacts) -> Bool {
    var memo = Memo()
    return isNewsAddress(page.url, memo: &memo)
      || page.links.contains { leadsBackToNews($0, memo: &memo) }
  }

  /// Whether a link begins with a back word and leads to a news address: the page holding it
  /// is a news item. Remembers what it reads in `memo`.
  func leadsBackToNews(_ link: Link, memo: inout Memo) -> Bool {
    !backWords.isEmpty && reading(link.text, memo: &memo).back
      && isNewsAddress(link.url, memo: &memo)
  }

  /// Whether a link's text names news: a word or three, one of them a news word or a compound
  /// ending in one ("Uudised", "Kõik uudised", "Vallauudised"). Its target is a news list.
  /// Remembers what it reads in `memo`.
  func namesNews(link: Link, memo: inout Memo) -> Bool {
    reading(link.text, memo: &memo).names
  }

  /// What a link text says. A back link is a word or two ("« Tagasi", "Назад к списку") and a
  /// link naming news a word or three: longer texts are skipped unread.
  private func reading(_ text: String, memo: inout Memo) -> TextReading {
    guard text.utf8.count <= Self.backLinkLength else { return TextReading() }
    if let known = memo.texts[UTF8Key(text)] { return known }
    var reading = TextReading()
    var words = 0
    TextNormalizer.forEachFoldedWord(in: text, buffer: &memo.folded) { word, _ in
      if words == 0 { reading.back = backWords.contains(Array(word)) }
      if !reading.names { reading.names = namesNews(word) }
      words += 1
    }
    reading.names = reading.names && words <= 3
    memo.texts[UTF8Key(text)] = reading
    return reading
  }

  /// Whether a URL's path or a value of its query names news (`/uudised/12`,
  /// `index.php?leht=uudised&id=203`), or its path is a dated permalink.
  func isNewsAddress(_ url: String) -> Bool {
    var memo = Memo()
    return isNewsAddress(url, memo: &memo)
  }

  /// The same, remembering the answer in `memo`.
  func isNewsAddress(_ url: String, memo: inout Memo) -> Bool {
    if let known = memo.addresses[UTF8Key(url)] { return known }
    let segments = Self.pathSegments(url)
    let named = (segments + Self.queryValues(url)).contains { part in
      var names = false
      TextNormalizer.forEachFoldedWord(in: part, buffer: &memo.folded) { word, _ in
        if !names { names = namesNews(word) }
      }
      return names
    }
    let answer = named || Self.hasDatedPermalink(segments)
    memo.addresses[UTF8Key(url)] = answer
    return answer
  }

  /// Whether a folded word is a news word or a compound ending in one.
  private func namesNews(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    words.contains { news in
      news.count <= word.count
        && (news.isEmpty
          || news.withUnsafeBufferPointer {
            memcmp(word.baseAddress! + word.count - news.count, $0.baseAddress!, news.count) == 0
          })
    }
  }

  /// The decoded values of a URL's query (`leht=uudised&id=2` → uudised, 2): many CMSs name
  /// their sections there.
  static func queryValues(_ url: String) -> [String] {
    // Found on the bytes: most addresses have no query, and walking characters to learn so
    // cost more than the rest of reading the address.
    guard let question = url.utf8.firstIndex(of: 0x3F) else { return [] }
    let query = url[url.index(after: question)...].prefix { $0 != "#" }
    return query.split(separator: "&").compactMap { pair in
      guard let equals = pair.firstIndex(of: "=") else { return nil }
      let value = pair[pair.index(after: equals)...].replacingOccurrences(of: "+", with: " ")
      return value.removingPercentEncoding ?? value
    }
  }

  /// The decoded segments of a URL's path, without the scheme, host, query or fragment.
  static func pathSegments(_ url: String) -> [String] {
    let bytes = Array(url.utf8)
    var start = 0
    if let scheme = schemeEnd(bytes) { start = scheme }
    guard let slash = bytes[start...].firstIndex(of: 0x2F) else { return [] }
    let end = bytes[slash...].firstIndex { $0 == 0x3F || $0 == 0x23 } ?? bytes.count
    return bytes[slash..<end].split(separator: 0x2F).map { segment in
      let text = String(decoding: segment, as: UTF8.self)
      guard segment.contains(0x25) else { return text }  // no `%`: nothing to decode
      return text.removingPercentEncoding ?? text
    }
  }

  /// The offset just after the first `://` of a URL, if it has one.
  private static func schemeEnd(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 3 else { return nil }
    for index in 0...(bytes.count - 3)
    where bytes[index] == 0x3A && bytes[index + 1] == 0x2F && bytes[index + 2] == 0x2F {
      return index + 3
    }
    return nil
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
