import MuniscanCore
import Testing

@testable import MuniscanRules

/// News items are told from standing pages by their address and by a link back to a news list,
/// with the words of the page languages.
@Suite struct NewsItemsTests {
  let news = NewsItems(
    locale: PageLocale(
      dates: DateFormats(), phones: nil, newsWords: ["uudised", "uudis", "news", "новости"],
      backWords: ["tagasi", "назад"]))

  func page(_ url: String, links: [(String, String)] = []) -> PageFacts {
    PageFacts(
      url: url, depth: 1, status: 200,
      links: links.map { Link(text: $0.0, url: $0.1, region: .main) })
  }

  @Test(arguments: [
    "https://www.example.ee/uudised-ja-teated/-/asset_publisher/K2OW/content/volikogu",
    "https://www.example.ee/et/uudis/linnavalitsus-saatis-aruande",
    "http://vaivara.example.ee/ctrl/ee/Uudis/vaata/1446759/4297",
    "https://www.example.ee/vallauudised/volikogu-istung",
    "https://www.example.ee/en/news/mayor",
    "https://www.example.ee/ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1",
    "https://www.example.ee/2026/02/24/volikogu-vottis-vastu-2026-aasta-eelarve/",
    "http://www.example.ee/index.php?leht=uudised&id=203",
    "http://www.example.ee/ru/index.php?page=%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8&id=41",
  ])
  func addressesOfNews(url: String) {
    #expect(news.isNewsAddress(url))
    #expect(news.isNewsItem(page(url)))
  }

  @Test(arguments: [
    "https://www.example.ee/eelarve",
    "https://www.example.ee/wp-content/uploads/2026/03/eelarve.pdf",
    "https://www.example.ee/uudiskiri",
    "https://www.example.ee/leht?id=uudiskiri&uudised",
    "https://uudised.example.ee/volikogu",
    "https://www.example.ee/2026/13/01/",
  ])
  func addressesOfStandingPages(url: String) {
    #expect(!news.isNewsAddress(url))
  }

  @Test func aLinkBackToANewsListMakesAStory() {
    let story = page(
      "https://www.example.ee/leht/123", links: [("« Tagasi", "https://www.example.ee/uudised")])
    #expect(news.isNewsItem(story))
    let russian = page(
      "https://www.example.ee/ru/123",
      links: [("Назад к списку", "https://www.example.ee/ru/новости")])
    #expect(news.isNewsItem(russian))
  }

  @Test func aBackLinkElsewhereOrANewsLinkWithOtherWordsIsNot() {
    let backHome = page(
      "https://www.example.ee/eelarve", links: [("« Tagasi", "https://www.example.ee/")])
    #expect(!news.isNewsItem(backHome))
    let menu = page(
      "https://www.example.ee/eelarve", links: [("Uudised", "https://www.example.ee/uudised")])
    #expect(!news.isNewsItem(menu))
  }

  /// A site's memo folds every text into one buffer it keeps: a short text read after a long
  /// one is read as it is, not with the long one's bytes.
  @Test func oneMemoReadsEachTextAsAFreshOneDoes() {
    let links = [
      Link(
        text: "Kõik vallauudised ja teated ühes kohas", url: "https://www.example.ee/uudised",
        region: .main),
      Link(text: "Uudis", url: "https://www.example.ee/uudiskiri/arhiiv", region: .main),
      Link(text: "« Tagasi", url: "https://www.example.ee/uudised", region: .main),
      Link(text: "Tagasi", url: "https://www.example.ee/eelarve", region: .main),
      Link(text: "Новости", url: "https://www.example.ee/ru/новости/2", region: .main),
      Link(text: "Uud", url: "https://www.example.ee/a/b/c/uud", region: .main),
    ]
    var shared = NewsItems.Memo()
    for link in links + links.reversed() {
      var fresh = NewsItems.Memo()
      #expect(
        news.namesNews(link: link, memo: &shared) == news.namesNews(link: link, memo: &fresh))
      #expect(
        news.leadsBackToNews(link, memo: &shared) == news.leadsBackToNews(link, memo: &fresh))
      #expect(
        news.isNewsAddress(link.url, memo: &shared) == news.isNewsAddress(link.url), "\(link.url)")
    }
    var memo = NewsItems.Memo()
    #expect(news.namesNews(link: links[0], memo: &memo) == false)
    #expect(news.namesNews(link: links[1], memo: &memo))
    #expect(!news.isNewsAddress(links[5].url, memo: &memo))
  }

  @Test func noWordsNoNewsButDatedPermalinks() {
    let bare = NewsItems(locale: .none)
    #expect(!bare.isNewsAddress("https://www.example.ee/uudised/1"))
    #expect(bare.isNewsAddress("https://www.example.ee/2026/02/24/post/"))
  }
}
