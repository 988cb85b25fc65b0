import Crypto
import DequeModule

/// The URLs of one site waiting to be fetched, breadth-first, each URL at most once.
///
/// A crawl of a thousand sites at once holds a thousand frontiers, each remembering every URL
/// its site has seen. The URLs seen are kept as fingerprints (as Scrapy's duplicate filter keeps
/// request fingerprints), 8 bytes each rather than the URL's text, and only the URLs still
/// waiting are kept as text; so a site's memory grows by bytes, not by its URLs' lengths, with
/// every page it finds.
struct Frontier {
  private var queue = Deque<(url: String, depth: Int)>()
  private var seen = Set<URLFingerprint>()

  /// Adds a URL unless it was seen before; returns whether it was added.
  @discardableResult
  mutating func add(_ url: String, depth: Int) -> Bool {
    guard seen.insert(URLFingerprint(url)).inserted else { return false }
    queue.append((url, depth))
    return true
  }

  /// Marks a URL as seen without queueing it (e.g. a redirect target fetched directly).
  mutating func markSeen(_ url: String) { seen.insert(URLFingerprint(url)) }

  func hasSeen(_ url: String) -> Bool { seen.contains(URLFingerprint(url)) }

  mutating func next() -> (url: String, depth: Int)? { queue.popFirst() }
}

/// The first 64 bits of a URL's SHA-1: two different URLs of one site share them with a chance
/// below one in 3 × 10^9 for a site of a hundred thousand URLs (n² / 2^65), and the same URL has
/// the same fingerprint in every run, so a crawl stays deterministic. Eight bytes a URL, as a
/// thousand sites crawled at once each remember every URL they have seen.
struct URLFingerprint: Hashable {
  let value: UInt64

  init(_ url: String) {
    var url = url
    let digest = url.withUTF8 { Insecure.SHA1.hash(data: UnsafeRawBufferPointer($0)) }
    value = digest.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self) }
  }
}
