import MuniscanCore
import MuniscanCrawler
import MuniscanHTTP

/// A site's archived responses, each record read (inflated) when the crawl asks for its URL, so
/// scoring an archive is one pass over it. Which records cannot be read is only known once each
/// has been tried: ``finish()`` reads those the crawl never asked for and names all the damage.
/// Only where the responses are is held, never the responses. The page facts the crawl kept
/// for a response are given with it, so the page need not be parsed again; the record is
/// still checked, so damage is found as without them: whole, by the CRC-32 of its bytes the
/// index keeps, and only its head inflated (archives of earlier versions, without that CRC,
/// have every record inflated whole).
public final class ArchiveReplay: Sendable {
  /// What reading an index entry's record has given so far.
  private enum Reading: Sendable {
    case unread
    /// Read; with the page facts kept for it when its response was given without its body.
    case read(PageFacts?)
    case damaged(ArchiveDamage)
  }

  private let reader: ArchiveReader
  private let entries: [PageIndexEntry]
  /// The positions in `entries` of each URL's records, in the order they were archived.
  private let positions: [String: [Int]]
  private let indexDamage: [ArchiveDamage]
  private let unarchived: String?
  private let readings: Locked<[Reading]>
  private let storedFacts: StoredFacts?
  private let factsGiven = Locked(0)
  /// The WARC file the site's records are being read from, open until ``finish()``.
  private let files = RecordFiles()

  init(
    reader: ArchiveReader, entries: [PageIndexEntry], indexDamage: [ArchiveDamage],
    unarchived: String?, storedFacts: StoredFacts? = nil
  ) {
    self.reader = reader
    self.storedFacts = storedFacts
    self.entries = entries
    self.indexDamage = indexDamage
    self.unarchived = unarchived
    var positions: [String: [Int]] = [:]
    for (position, entry) in entries.enumerated() {
      positions[entry.url, default: []].append(position)
    }
    self.positions = positions
    readings = Locked(Array(repeating: .unread, count: entries.count))
  }

  /// The answers for the crawl: a URL's last readable record, read when it is asked for.
  public var replay: Replay {
    let lookup: @Sendable (String, Bool) -> HTTPResponse? = { [self] url, asPage in
      response(for: url, asPage: asPage)
    }
    guard storedFacts != nil else {
      return Replay(count: positions.count, unarchived: unarchived, lookup: lookup)
    }
    return Replay(
      count: positions.count, unarchived: unarchived, lookup: lookup,
      facts: { [self] url, depth in facts(for: url, depth: depth) })
  }

  /// How many pages were given with their stored facts so far.
  public var pagesFromStoredFacts: Int { factsGiven.withLock { $0 } }

  /// Reads every record the crawl did not ask for, and returns what of the site could not be
  /// read: its page index's damage first, then its records', in the index's order.
  public func finish() -> [ArchiveDamage] {
    for position in entries.indices {
      if case .unread = readings.withLock({ $0[position] }) { _ = read(position) }
    }
    files.release()
    let recordDamage = readings.withLock { readings in
      readings.compactMap { reading -> ArchiveDamage? in
        if case .damaged(let damage) = reading { return damage }
        return nil
      }
    }
    return indexDamage + recordDamage
  }

  private func response(for url: String, asPage: Bool) -> HTTPResponse? {
    for position in (positions[url] ?? []).reversed() {
      if case .damaged = readings.withLock({ $0[position] }) { continue }
      if let response = read(position, asPage: asPage) { return response }
    }
    return nil
  }

  /// The stored facts of the response ``response(for:asPage:)`` gave for `url` (its last
  /// readable record), read from that very record, at `depth` (the analysis only copies the
  /// depth into them).
  private func facts(for url: String, depth: Int) -> PageFacts? {
    for position in (positions[url] ?? []).reversed() {
      // Facts kept with the reading are taken from it, in the same turn of the lock.
      let reading = readings.withLock { readings in
        let reading = readings[position]
        if case .read(.some) = reading { readings[position] = .read(nil) }
        return reading
      }
      switch reading {
      case .damaged:
        continue
      case .unread:
        return nil
      case .read(let kept):
        guard var facts = kept ?? keptFacts(entries[position]) else { return nil }
        facts.depth = depth
        factsGiven.withLock { $0 += 1 }
        return facts
      }
    }
    return nil
  }

  /// The facts the crawl kept for the record of `entry`, when they are of its URL.
  private func keptFacts(_ entry: PageIndexEntry) -> PageFacts? {
    guard
      let facts = storedFacts?.facts(
        from: StoredFacts.Source(warc: entry.warc, offset: entry.offset)),
      facts.url == entry.url
    else { return nil }
    return facts
  }

  /// The response of the record at `position`, noting whether it could be read. A page
  /// (`asPage`) whose facts were kept is given without its body, and only the record's head is
  /// inflated, when the record's bytes are checked by their CRC-32 instead.
  private func read(_ position: Int, asPage: Bool = false) -> HTTPResponse? {
    let entry = entries[position]
    if asPage, entry.crc32 != nil, let facts = keptFacts(entry),
      let response = reader.responseHead(at: entry, files: files)
    {
      readings.withLock { $0[position] = .read(facts) }
      return response
    }
    let reading: Reading
    var response: HTTPResponse?
    do throws(WARCFileReader.RecordProblem) {
      response = try reader.response(at: entry, files: files)
      reading = .read(nil)
    } catch {
      reading = .damaged(
        ArchiveDamage(
          file: reader.layout.relative(reader.layout.warc(entry.warc)),
          place: "offset \(entry.offset)", problem: error.text))
    }
    readings.withLock { $0[position] = reading }
    return response
  }
}
