import Foundation
import MuniscanAudit
import Testing

/// Sites sharing a registrable domain are one group: the last two labels, or one label more than
/// a known multi-label public suffix.
@Suite struct RegistrableDomainTests {
  @Test(arguments: [
    ("https://www.tartu.ee/", "tartu.ee"),
    ("https://tartu.ee/uudised", "tartu.ee"),
    ("https://a.tartu.ee/", "tartu.ee"),
    ("http://WWW.Elva.EE:8080/", "elva.ee"),
    ("https://www.firma.com.ee/", "firma.com.ee"),
    ("https://shop.firma.com.ee/", "firma.com.ee"),
    ("https://www.camden.gov.uk/", "camden.gov.uk"),
    ("https://www.wien.gv.at/", "wien.gv.at"),
    ("https://bip.gmina.ug.gov.pl/", "gmina.ug.gov.pl"),
    ("https://tartu.ee./", "tartu.ee"),
    ("http://127.1.0.2:8080/", "127.1.0.2"),
    ("http://[::1]:8080/", "[::1]"),
    ("http://localhost:8080/", "localhost"),
    // Not listed: the group is coarser (every comune of the province of Asti), never split.
    ("https://www.comune.asti.at.it/", "at.it"),
  ])
  func groupsBy(url: String, domain: String) {
    #expect(RegistrableDomain.of(url: url) == domain)
  }

  /// A listed suffix that is not a public suffix would split one organisation's sites: each must
  /// be a rule of the Public Suffix List (Debian's publicsuffix package, which scripts/install-deps
  /// installs).
  @Test func everyListedSuffixIsAPublicSuffix() throws {
    let path = "/usr/share/publicsuffix/public_suffix_list.dat"
    let text = try #require(
      try? String(contentsOfFile: path, encoding: .utf8),
      "\(path) is missing: install Debian's publicsuffix package (scripts/install-deps)")
    let rules = Set(
      text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("//") })
    for suffix in RegistrableDomain.multiLabelSuffixes.sorted() {
      #expect(rules.contains(suffix), "\(suffix) is not a rule of the Public Suffix List")
    }
  }
}
