import MuniscanCore

/// Web links resolved and classified once per origin and `href` rather than on every page: a
/// site's menu, header and footer repeat the same fifty links on each of its pages, and resolving
/// and classifying one costs more than reading its bytes did.
///
/// Only references resolved against their page's origin alone are kept (absolute, `//host…`,
/// `/path…`; see ``URLResolver/lastDependedOnOriginAlone``): their URL is the same on every page
/// of that origin, whatever the page's path or `<base href>`. The table is emptied when full, so
/// an analyser holds at most ``capacity`` links (the menus of some forty sites) whatever it reads.
struct ResolvedLinks {
  /// A web link's absolute URL and what document it links to, judged by the URL alone.
  struct Link {
    let url: String
    let document: (type: String, fileName: String)?
  }

  /// How many links are kept at most.
  static let capacity = 2048

  private var slots: [Slot?] = Array(repeating: nil, count: 2 * capacity)
  private var used: [Int] = []

  private struct Slot {
    let hash: UInt64
    let origin: [UInt8]
    let href: [UInt8]
    /// nil: the reference is no http(s) link.
    let link: Link?
  }

  /// The link `href` makes on a page that `resolver` resolves against, whose origin hashes to
  /// `originHash` (``hash(origin:)``): nil when it is no http(s) URL.
  mutating func link(
    _ href: UnsafeBufferPointer<UInt8>, originHash: UInt64, resolvedWith resolver: inout URLResolver
  ) -> Link? {
    let hash = ByteHash.hash(UnsafeRawBufferPointer(href), seed: originHash)
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    while let slot = slots[index] {
      if slot.hash == hash, slot.href.elementsEqual(href), slot.origin == resolver.origin {
        return slot.link
      }
      index = (index + 1) & mask
    }
    let link = resolver.resolve(bytes: href).flatMap { url in
      URLResolver.isWeb(url)
        ? Link(url: url, document: DocumentClassifier.classify(url: url, typeAttribute: nil))
        : nil
    }
    guard resolver.lastDependedOnOriginAlone, let origin = resolver.origin else { return link }
    if used.count == Self.capacity {
      for full in used { slots[full] = nil }
      used.removeAll(keepingCapacity: true)
      index = Int(truncatingIfNeeded: hash) & mask
    }
    slots[index] = Slot(hash: hash, origin: origin, href: Array(href), link: link)
    used.append(index)
    return link
  }

  /// The hash of a page's origin (``URLResolver/origin``, none for a base without one), which
  /// seeds the hash of each of its links: once a page, not once a link.
  static func hash(origin: [UInt8]?) -> UInt64 {
    (origin ?? []).withUnsafeBytes { ByteHash.hash($0, seed: ByteHash.seed) }
  }
}
