import Foundation
import MuniscanCore

/// One crawled site prepared for judging: its pages indexed and looked up by URL (so a link's
/// target page, its status and dates, is known to every rule), the distinct links, documents,
/// headings and titles of all pages, and the answers of item checks, each found once per site.
final class SiteContext {
  let crawl: SiteCrawl
  let pages: [IndexedPage]
  let siteKey: String
  let plan: EvaluationPlan
  private let byURL: [String: IndexedPage]
  private let redirects: [String: String]
  /// Answers of item checks, by slot.
  private var selections: [Selection?]

  /// The site of `crawl`, its pages read through `stems` (which it uses until it is dropped).
  init(_ crawl: SiteCrawl, plan: EvaluationPlan, stems: StemCaches) {
    self.crawl = crawl
    self.plan = plan
    pages = crawl.pages.enumerated().map { index, facts in
      let stemming = plan.stemmings.stemming(forPageLanguage: facts.lang)
      let page = IndexedPage(facts, index: index, stems: stems.cache(for: stemming))
      if index < crawl.prereads.count,
        let preread = PagePreread(bytes: crawl.prereads[index], textLength: facts.text.utf8.count)
      {
        page.take(preread)
      }
      return page
    }
    siteKey = URLNormalizer.siteKey(crawl.finalURL ?? crawl.site.url) ?? ""
    var byURL: [String: IndexedPage] = [:]
    for page in pages {
      let key = URLNormalizer.normalize(page.facts.url) ?? page.facts.url
      if byURL[key] == nil { byURL[key] = page }
    }
    self.byURL = byURL
    var redirects: [String: String] = [:]
    for (from, to) in crawl.redirects {
      redirects[URLNormalizer.normalize(from) ?? from] = URLNormalizer.normalize(to) ?? to
    }
    self.redirects = redirects
    selections = Array(repeating: nil, count: plan.slotCount)
    ownHeadingIDs = Array(repeating: nil, count: pages.count)
  }

  private(set) lazy var links = ItemTable(
    pages: pages, items: \.links, text: { Self.statement($0.text) })
  private(set) lazy var documents = ItemTable(
    pages: pages, items: \.documents,
    text: { $0.text + " " + IndexedPage.fileName($0.url) })
  private(set) lazy var headings = ItemTable(
    pages: pages, items: { $0.headings.map(\.text) },
    text: Self.statement)
  /// The phrases page titles hold, item `i` being page `i`.
  private(set) lazy var titles = ItemPhrases(
    pages.lazy.map { (text: Self.statement($0.facts.title), stems: $0.stems) })

  /// The words of a link, heading or title that say something: a question ("Kas vald vajab
  /// noortevolikogu? – Vald", "Применяется ли вовлекающий бюджет?") asks whether a thing exists
  /// and names it without showing it, so its words hold no phrase.
  static func statement(_ text: String) -> String {
    // On the bytes in place, by memchr: Foundation's `contains` bridged every link text of a
    // site to look for one, and a generic walk of the bytes cost a call per byte.
    let asks =
      text.utf8.withContiguousStorageIfAvailable {
        !$0.isEmpty && memchr($0.baseAddress!, Int32(UInt8(ascii: "?")), $0.count) != nil
      } ?? text.utf8.contains(UInt8(ascii: "?"))
    return asks ? "" : text
  }

  /// E-mail addresses and phone numbers shown on more than half of the pages of a site of four
  /// pages or more: the site's own (its footer), not those of the page they are on.
  private(set) lazy var siteWideContacts: Set<String> = {
    guard crawl.pages.count >= 4 else { return [] }
    // Keyed by their bytes (contacts are read as ASCII), each counted once per page by the
    // last page that showed it, without a set of each page's contacts.
    var showing: [UTF8Key: (pages: Int, last: Int)] = [:]
    for (index, page) in crawl.pages.enumerated() {
      for contacts in [page.emails, page.phones] {
        for contact in contacts {
          Self.count(&showing[UTF8Key(contact), default: (0, -1)], onPage: index)
        }
      }
    }
    return Set(showing.filter { $0.value.pages * 2 > crawl.pages.count }.keys.map(\.text))
  }()

  /// Counts a contact on page `index` unless that page counted it already.
  private static func count(_ showing: inout (pages: Int, last: Int), onPage index: Int) {
    guard showing.last != index else { return }
    showing = (showing.pages + 1, index)
  }

  /// Whether each page is a news item (``NewsItems``), by page index: by its own address and
  /// links, or as the target of a link naming news on another page — but never the start page,
  /// which many sites open with their news and link to as "Uudised".
  private(set) lazy var newsItems: [Bool] = {
    var memo = NewsItems.Memo()
    defer { newsMemo = memo }
    // Each distinct link is read once, however many pages repeat it.
    let backToNews = links.items.map { plan.news.leadsBackToNews($0, memo: &memo) }
    var news = pages.map { page in
      plan.news.isNewsAddress(page.facts.url, memo: &memo)
        || links.idsByPage[page.index].contains { backToNews[Int($0)] }
    }
    let start = page(at: URLNormalizer.normalize(crawl.finalURL ?? crawl.site.url) ?? "")?.index
    for link in links.items where plan.news.namesNews(link: link, memo: &memo) {
      guard let target = self.page(at: URLNormalizer.normalize(link.url) ?? link.url),
        target.index != start
      else { continue }
      news[target.index] = true
    }
    return news
  }()

  /// Targets of the distinct links, by link id.
  private(set) lazy var linkTargets = LinkTargets(urls: links.items.map(\.url))
  /// Targets of the distinct documents, by document id.
  private(set) lazy var documentTargets = LinkTargets(urls: documents.items.map(\.url))

  /// Per page, the ids of its own headings, once asked for: see ``ownHeadings(of:)``. Stored,
  /// not lazy: a lazy property is set whole, so each page's answer copied the whole array.
  private var ownHeadingIDs: [[Int32]?]

  /// The ids of the page's headings (in page order) that are not the text of one of its links:
  /// a heading that is only a link (a news teaser's headline) is that link, judged where it
  /// leads. Found once per page for every heading test.
  func ownHeadings(of page: IndexedPage) -> [Int32] {
    if let known = ownHeadingIDs[page.index] { return known }
    let own = headings.idsByPage[page.index].filter {
      !page.hasLink(withText: headings.items[Int($0)])
    }
    ownHeadingIDs[page.index] = own
    return own
  }

  /// Answers of `text` checks: for each phrase, whether each distinct link holds it.
  private var linksHoldingPhrase: [Int: [Bool]] = [:]

  /// Whether each distinct link's text holds phrase `id`, by link id.
  func linksHolding(phrase id: Int) -> [Bool] {
    if let known = linksHoldingPhrase[id] { return known }
    var holding = [Bool](repeating: false, count: links.items.count)
    for link in links.phrases.items(matching: id) { holding[link] = true }
    linksHoldingPhrase[id] = holding
    return holding
  }

  /// The selection in `slot`, made by `make` the first time it is asked for.
  func selection(in slot: Int, _ make: () -> Selection) -> Selection {
    if let known = selections[slot] { return known }
    let selection = make()
    selections[slot] = selection
    return selection
  }

  /// The crawled page a normalised URL leads to, following recorded redirects.
  func page(at url: String) -> IndexedPage? {
    var current = url
    for _ in 0..<10 {
      if let page = byURL[current] { return page }
      guard let next = redirects[current] else { return nil }
      current = next
    }
    return nil
  }

  /// Whether a link target is a news item: the page crawled there, or, on another site or not
  /// crawled, its address.
  func isNewsItem(_ url: String, host: String) -> Bool {
    if host == siteKey, let page = page(at: url) { return newsItems[page.index] }
    return plan.news.isNewsAddress(url, memo: &newsMemo)
  }

  /// What reading the site's link texts and addresses for news found, kept for link targets
  /// that several rules ask about.
  private var newsMemo = NewsItems.Memo()

  /// Whether a link target is on this site and known to be broken (answered 4xx/5xx).
  func isBroken(_ url: String, host: String) -> Bool {
    guard host == siteKey, let page = page(at: url) else { return false }
    return page.facts.status >= 400
  }
}
