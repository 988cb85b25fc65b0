import MuniscanCore

/// What ``ItemTable`` finds an item again by: its strings by their bytes (``UTF8Key``), the rest
/// as it hashes itself. A site's menus and footers put the same links on every page, and each
/// of them is looked up on each page.
protocol ItemKeyed {
  associatedtype ItemKey: Hashable
  var itemKey: ItemKey { get }
  /// Whether `other`'s key equals this item's, compared field by field in place: how an item
  /// is first checked against the one in its place on the page before, without making either
  /// key (a retain and release per string).
  func hasSameKey(as other: Self) -> Bool
}

extension String: ItemKeyed {
  var itemKey: UTF8Key { UTF8Key(self) }
  func hasSameKey(as other: String) -> Bool { UTF8Key.equal(self, other) }
}

extension Link: ItemKeyed {
  struct ItemKey: Hashable {
    var text: UTF8Key
    var url: UTF8Key
    var region: PageRegion
    var context: UTF8Key?
  }

  var itemKey: ItemKey {
    ItemKey(
      text: UTF8Key(text), url: UTF8Key(url), region: region, context: context.map(UTF8Key.init))
  }

  @inline(__always)
  func hasSameKey(as other: Link) -> Bool {
    UTF8Key.equal(url, other.url) && UTF8Key.equal(text, other.text) && region == other.region
      && UTF8Key.equal(context, other.context)
  }
}

extension DocumentLink: ItemKeyed {
  struct ItemKey: Hashable {
    var url: UTF8Key
    var text: UTF8Key
    var type: UTF8Key
    var status: Int?
    var size: Int?
    var contentType: UTF8Key?
    var lastModified: Day?
    var context: UTF8Key?
  }

  var itemKey: ItemKey {
    ItemKey(
      url: UTF8Key(url), text: UTF8Key(text), type: UTF8Key(type), status: status, size: size,
      contentType: contentType.map(UTF8Key.init), lastModified: lastModified,
      context: context.map(UTF8Key.init))
  }

  @inline(__always)
  func hasSameKey(as other: DocumentLink) -> Bool {
    UTF8Key.equal(url, other.url) && UTF8Key.equal(text, other.text)
      && UTF8Key.equal(type, other.type) && status == other.status && size == other.size
      && UTF8Key.equal(contentType, other.contentType) && lastModified == other.lastModified
      && UTF8Key.equal(context, other.context)
  }
}
