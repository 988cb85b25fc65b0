import MuniscanCore
import Testing

@testable import MuniscanCrawler

/// Which URLs are the site's pages: read on the bytes of ASCII URLs, as characters otherwise,
/// with the same answers.
@Suite struct SiteScopeTests {
  static let urls = [
    "https://www.elva.ee/failid/eelarve.pdf", "https://elva.ee/failid/EELARVE.PDF",
    "https://elva.ee/volikogu/", "https://elva.ee/volikogu/otsus-11/", "http://127.1.0.5:8080/",
    "http://127.1.0.5:8080/a.docx?x=1", "https://elva.ee/a.pdf/", "https://elva.ee/a?b=c.pdf",
    "https://elva.ee/.pdf", "https://elva.ee/arhiiv.tar.zip", "https://elva.ee/a.pdF#x",
    "https://elva.ee/dokument.pdf.html", "https://elva.ee/kõik.pdf",
    "https://elva.ee/a.p\u{0301}df",
    "https://elva.ee/?a.pdf", "?a.pdf", "", "/", "https://elva.ee", "https://elva.ee/Ü.ODT",
  ]

  @Test(arguments: urls) func downloadsReadOnBytesAsAsCharacters(url: String) {
    #expect(SiteScope.isDownload(url) == SiteScope.isDownloadReadingCharacters(url))
  }

  @Test func downloadsAreTheirExtensions() {
    let downloads = Self.urls.filter(SiteScope.isDownload)
    #expect(
      downloads == [
        "https://www.elva.ee/failid/eelarve.pdf", "https://elva.ee/failid/EELARVE.PDF",
        "http://127.1.0.5:8080/a.docx?x=1", "https://elva.ee/a.pdf/", "https://elva.ee/.pdf",
        "https://elva.ee/arhiiv.tar.zip", "https://elva.ee/kõik.pdf", "?a.pdf",
        "https://elva.ee/Ü.ODT",
      ])
  }

  @Test func onSiteIsTheSiteKey() {
    let scope = SiteScope(siteKey: "elva.ee", maxURLLength: 2000)
    let onSite = [
      "https://elva.ee/", "https://www.elva.ee/a", "http://WWW.Elva.EE:8080/", "http://u@elva.ee/",
      "https://elva.ee?x", "https://elva.ee#y", "https://ELVA.ee/õ",
    ]
    let offSite = [
      "https://muu.ee/", "https://vald.elva.ee/", "https://www.www.elva.ee/", "https://elva.ee.ee/",
      "https://elva.e/", "https://wwwelva.ee/", "elva.ee/x", "https:/elva.ee/", "https://",
      "https://elva.ee@muu.ee/", "http://[::1]/", "https://elvä.ee/",
    ]
    for url in onSite { #expect(scope.isOnSite(url), "\(url)") }
    for url in offSite { #expect(!scope.isOnSite(url), "\(url)") }
    for url in onSite + offSite {
      #expect(scope.isOnSite(url) == (URLNormalizer.siteKey(url) == "elva.ee"), "\(url)")
    }
  }
}
