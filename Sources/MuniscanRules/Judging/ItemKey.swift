import MuniscanCore

/// What ``ItemTable`` finds an item again by: its strings by their bytes (``UTF8Key``), the rest
/// as it hashes itself. A site's menus and footers put the same links on every page, and each
/// of them is looked up on each page.
protocol ItemKeyed {
  associatedtype ItemKey: Hashable
  var itemKey: ItemKey { get }
}

extension String: ItemKeyed {
  var itemKey: UTF8Key { UTF8Key(self) }
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
}
