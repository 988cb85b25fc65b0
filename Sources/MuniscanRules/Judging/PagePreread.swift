import MuniscanCore

/// Where each of the rule set's phrases first occurs in one page's visible text and how often,
/// read in the task that analysed the page, while its site is still being crawled and the
/// processors wait on politeness, so that judging the site when its crawl ends finds the page's
/// text read. Kept as bytes beside the page's facts (a crawl spools them) and read by the
/// evaluator that wrote them, in the same run: phrase numbers are its plan's.
///
/// Only the phrases: nearly every page is read for them when judged, while a page's regular
/// expressions and statement sentences are read only where a rule gets that far (judging a
/// nation of ten dense pages a site spent a third as much on expressions as reading every page
/// for them ahead did); read ahead on every page they cost the crawl more than they saved the
/// judging.
struct PagePreread: Equatable {
  var phrases: [Int: TextOccurrence]

  /// Reads the phrases of `text` through `stems`, as judging reads a page's (from its first
  /// word: a page read ahead follows another site's, so nothing is kept to resume from).
  init(reading text: String, stems: StemCache) {
    phrases = stems.matcher.occurrences(inText: text, stems: stems)
  }

  /// The reading as bytes: how many phrases, then each phrase's id, first offset and count,
  /// by id, each a ``BinaryWriter`` int.
  var bytes: [UInt8] {
    var bytes: [UInt8] = []
    BinaryWriter.append(to: &bytes) { writer in
      writer.int(phrases.count)
      for (phrase, occurrence) in phrases.sorted(by: { $0.key < $1.key }) {
        writer.int(phrase)
        writer.int(occurrence.first)
        writer.int(occurrence.count)
      }
    }
    return bytes
  }

  /// What `bytes` say of a page whose text has `textLength` UTF-8 bytes; nil when they are not
  /// such a reading (every offset must lie in the text), and the page is then read when judged.
  init?(bytes: [UInt8], textLength: Int) {
    var reader = BinaryReader(bytes: bytes, offset: 0)
    do throws(BinaryReader.Failure) {
      let count = try reader.int()
      guard (0...bytes.count).contains(count) else { return nil }
      phrases = Dictionary(minimumCapacity: count)
      for _ in 0..<count {
        let phrase = try reader.int()
        let first = try reader.int()
        let occurrences = try reader.int()
        guard phrase >= 0, (0..<textLength).contains(first), occurrences > 0 else { return nil }
        phrases[phrase] = TextOccurrence(first: first, count: occurrences)
      }
    } catch {
      return nil
    }
    guard reader.offset == bytes.count else { return nil }
  }
}
