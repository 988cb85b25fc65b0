import MuniscanCore

/// The URLs of one site waiting to be fetched, breadth-first, each URL at most once.
///
/// A crawl of a thousand sites at once holds a thousand frontiers, each remembering every URL
/// its site has seen. The URLs seen are kept as fingerprints (as Scrapy's duplicate filter keeps
/// request fingerprints), 8 bytes each rather than the URL's text, and the URLs still waiting as
/// bytes in one buffer (depth and UTF-8 text, as ``BinaryWriter`` writes them): a waiting URL
/// costs its length and two bytes, where a `String` of its own and a queue slot cost about a
/// hundred (a site of the benchmark's nation holds a hundred or more waiting at a time).
struct Frontier {
  private var waiting: [UInt8] = []
  /// Where the oldest waiting URL starts in `waiting`.
  private var head = 0
  private var seen = Set<URLFingerprint>()

  /// Adds a URL unless it was seen before; returns whether it was added.
  @discardableResult
  mutating func add(_ url: String, depth: Int) -> Bool {
    guard seen.insert(URLFingerprint(url)).inserted else { return false }
    BinaryWriter.append(to: &waiting) { writer in
      writer.int(depth)
      writer.string(url)
    }
    return true
  }

  /// Marks a URL as seen without queueing it (e.g. a redirect target fetched directly).
  mutating func markSeen(_ url: String) { seen.insert(URLFingerprint(url)) }

  func hasSeen(_ url: String) -> Bool { seen.contains(URLFingerprint(url)) }

  /// Whether it holds no URL, seen or waiting.
  var isEmpty: Bool { seen.isEmpty && head == waiting.count }

  mutating func next() -> (url: String, depth: Int)? {
    guard head < waiting.count else { return nil }
    let (url, depth, end) = Self.entry(in: waiting, at: head)
    head = end
    if head == waiting.count {
      waiting.removeAll(keepingCapacity: true)
      head = 0
    } else if head >= 4096, head * 2 >= waiting.count {
      // The URLs taken fill half the buffer: drop them, so it grows with the URLs waiting only.
      waiting.removeFirst(head)
      head = 0
    }
    return (url, depth)
  }

  /// The URL written at `offset`, its depth and where the next one starts. A function of its
  /// own, so no reader still holds the buffer when `next()` changes it (that would copy it).
  private static func entry(in bytes: [UInt8], at offset: Int) -> (String, Int, Int) {
    var reader = BinaryReader(bytes: bytes, offset: offset)
    guard let depth = try? reader.int(), let url = try? reader.string() else {
      preconditionFailure("the frontier's buffer holds only what add(_:depth:) wrote")
    }
    return (url, depth, reader.offset)
  }
}

/// A URL's 64-bit hash (``ByteHash`` of its UTF-8 under a fixed seed): two different URLs of
/// one site share it with a chance below one in 3 × 10^9 for a site of a hundred thousand URLs
/// (n² / 2^65), and the same URL has the same fingerprint in every run, so a crawl stays
/// deterministic. The seed is fixed, not drawn per process: a site could at most make two of its
/// own URLs collide and so leave one of its pages uncrawled, as it could by not linking it.
/// Eight bytes a URL, as a thousand sites crawled at once each remember every URL they have
/// seen. (The first 64 bits of the URL's SHA-1 were 1.2 % of a thousand-site crawl's CPU, most
/// of it setting up a digest for a few dozen bytes.)
struct URLFingerprint: Hashable {
  /// "muniscan" in ASCII.
  static let seed: UInt64 = 0x6D75_6E69_7363_616E
  let value: UInt64

  init(_ url: String) {
    var url = url
    value = url.withUTF8 { ByteHash.hash(UnsafeRawBufferPointer($0), seed: Self.seed) }
  }
}
