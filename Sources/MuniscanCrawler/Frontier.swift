/// The URLs of one site waiting to be fetched, breadth-first, each URL at most once.
struct Frontier {
  private var queue: [(url: String, depth: Int)] = []
  private var head = 0
  private var seen = Set<String>()

  /// Adds a URL unless it was seen before; returns whether it was added.
  @discardableResult
  mutating func add(_ url: String, depth: Int) -> Bool {
    guard seen.insert(url).inserted else { return false }
    queue.append((url, depth))
    return true
  }

  /// Marks a URL as seen without queueing it (e.g. a redirect target fetched directly).
  mutating func markSeen(_ url: String) { seen.insert(url) }

  func hasSeen(_ url: String) -> Bool { seen.contains(url) }

  mutating func next() -> (url: String, depth: Int)? {
    guard head < queue.count else { return nil }
    defer { head += 1 }
    return queue[head]
  }
}
