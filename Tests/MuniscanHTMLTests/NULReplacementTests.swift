import MuniscanCore
import MuniscanHTML
import Testing

/// A NUL byte inside a tag made libxml2 drop the rest of the page (issue 11, item 2); NULs are
/// now U+FFFD, as in browsers, in whatever encoding the page is read.
@Suite struct NULReplacementTests {
  /// Links before and after tags with NULs in their names and attributes, and a NUL in text.
  static let html =
    "<html><body><a href='/enne'>Enne</a><di\0v cla\0ss=\"x\">"
    + "<a cla\0ss='y' href='/keskel'>Keskel</a></di\0v><p>Öö\0tekst</p>"
    + "<a href='/p\0rast'>Pärast</a><a href='/lõpp'>Lõpp</a></body></html>"

  static let expectedLinks = [
    "https://www.example-vald.ee/enne", "https://www.example-vald.ee/keskel",
    "https://www.example-vald.ee/p%EF%BF%BDrast", "https://www.example-vald.ee/l%C3%B5pp",
  ]

  /// The page as served in UTF-8, in windows-1257 (read through the single-byte decoder) and
  /// in UTF-16LE with a byte order mark (read by libxml2 through iconv).
  static let servings: [(contentType: String, body: [UInt8])] = [
    ("text/html; charset=utf-8", Array(html.utf8)),
    ("text/html; charset=windows-1257", html.unicodeScalars.map { UInt8($0.value & 0xFF) }),
    (
      "text/html",
      [0xFF, 0xFE]
        + html.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    ),
  ]

  @Test(arguments: servings)
  func nulsInsideTagsKeepEveryLinkAfterThem(contentType: String, body: [UInt8]) throws {
    let facts = try analyze(bytes: body, headers: ["content-type": contentType])
    #expect(facts.links.map(\.url) == Self.expectedLinks)
    #expect(facts.links.map(\.text) == ["Enne", "Keskel", "Pärast", "Lõpp"])
    #expect(facts.text.contains("Öö\u{FFFD}tekst"))
    #expect(!facts.text.contains("\u{0}"))
  }

  @Test func pagesWithoutNULsAreUnchanged() throws {
    let facts = try analyze(bytes: Array("<p>Tere</p><a href='/a'>A</a>".utf8))
    #expect(facts.text == "Tere A")
    #expect(facts.links.map(\.url) == ["https://www.example-vald.ee/a"])
  }
}
