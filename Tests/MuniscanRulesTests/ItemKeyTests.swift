import MuniscanCore
import Testing

@testable import MuniscanRules

/// A site's item tables find an item again by every field of it: two links or documents that
/// differ in any field are two items, and the same item on another page is the one item.
@Suite struct ItemKeyTests {
  @Test func aLinkIsEveryFieldOfIt() {
    let link = Link(
      text: "Õigusaktid", url: "https://vald.ee/oigusaktid", region: .nav, context: "2026")
    #expect(
      link.itemKey == Link(text: "Õigusaktid", url: link.url, region: .nav, context: "2026").itemKey
    )
    let others = [
      Link(text: "Õigusakt", url: link.url, region: .nav, context: "2026"),
      Link(text: link.text, url: link.url + "/", region: .nav, context: "2026"),
      Link(text: link.text, url: link.url, region: .main, context: "2026"),
      Link(text: link.text, url: link.url, region: .nav, context: nil),
    ]
    #expect(Set(([link] + others).map(\.itemKey)).count == 5)
    expectSameKeyIsKeyEquality([link] + others + [link])
  }

  @Test func aDocumentIsEveryFieldOfIt() {
    let document = DocumentLink(
      url: "https://vald.ee/eelarve.pdf", text: "Eelarve 2026", type: "pdf", status: 200,
      size: 1000, contentType: "application/pdf", lastModified: Day(iso: "2026-01-05"),
      context: "Volikogu määrus")
    var others: [DocumentLink] = []
    func changed(_ change: (inout DocumentLink) -> Void) {
      var other = document
      change(&other)
      others.append(other)
    }
    changed { $0.url += "?v=2" }
    changed { $0.text = "Eelarve 2025" }
    changed { $0.type = "docx" }
    changed { $0.status = 404 }
    changed { $0.size = nil }
    changed { $0.contentType = "application/octet-stream" }
    changed { $0.lastModified = Day(iso: "2026-01-06") }
    changed { $0.context = nil }
    var same = document
    same.text = String(decoding: Array(document.text.utf8), as: UTF8.self)
    #expect(same.itemKey == document.itemKey)
    #expect(Set(([document] + others).map(\.itemKey)).count == 9)
    expectSameKeyIsKeyEquality([document, same] + others)
  }

  @Test func aStringIsItsBytes() {
    expectSameKeyIsKeyEquality(["Õigusaktid", "O\u{303}igusaktid", "õigusaktid", "", "Õigusaktid"])
  }

  /// Comparing two items in place says what comparing their keys says, for every pair.
  private func expectSameKeyIsKeyEquality<Item: ItemKeyed>(_ items: [Item]) {
    for first in items {
      for second in items {
        #expect(first.hasSameKey(as: second) == (first.itemKey == second.itemKey))
      }
    }
  }
}
