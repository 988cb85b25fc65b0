import MuniscanCore

extension PhraseMatcher {
  /// Reads a page's visible text for every phrase: for each phrase found, the UTF-8 offset in
  /// `text` of the first word of its first occurrence (where its evidence snippet is cut from)
  /// and how often it occurs.
  func occurrences(inText text: String, stemming: Stemming) -> [Int: TextOccurrence] {
    occurrences(inText: text, stems: StemCache(stemming, matcher: self))
  }

  /// The same, reading words through `stems` (a site's, so its pages share their readings).
  /// A page's whole text (`pageText`) is read only from where it parts from the last page text
  /// read through them (``ScannedText``); shorter texts (a sentence) are read whole and leave
  /// that alone.
  func occurrences(
    inText text: String, stems: StemCache, pageText: Bool = false
  ) -> [Int: TextOccurrence] {
    var scan = PhraseScan()
    guard pageText else {
      var found: [(phrase: Int32, offset: Int32)] = []
      scan.scan(text, stems: stems) { found.append((Int32($0), Int32($1))) }
      return occurrences(found)
    }
    var scanned = ScannedText(text: text)
    let start = scanned.resume(after: stems.lastPageText)
    scan.scan(text, from: start, stems: stems, resumable: { scanned.resumable(at: $0) }) {
      scanned.found.append((Int32($0), Int32($1)))
    }
    stems.lastPageText = scanned
    return occurrences(scanned.found)
  }

  /// Each phrase of `found` (occurrences in the order found) with its first offset and count.
  private func occurrences(_ found: [(phrase: Int32, offset: Int32)]) -> [Int: TextOccurrence] {
    // Counted by phrase id in a flat array, hashed once per phrase found rather than once per
    // occurrence: a page dense with the rules' words holds hundreds of occurrences.
    var counts = [Int32](repeating: 0, count: phraseCount)
    var firsts: [(phrase: Int, first: Int)] = []
    for (phrase, offset) in found {
      if counts[Int(phrase)] == 0 { firsts.append((Int(phrase), Int(offset))) }
      counts[Int(phrase)] += 1
    }
    var occurrences: [Int: TextOccurrence] = Dictionary(minimumCapacity: firsts.count)
    for (phrase, first) in firsts {
      occurrences[phrase] = TextOccurrence(first: first, count: Int(counts[phrase]))
    }
    return occurrences
  }
}

/// Where a phrase first occurs in a page's text (UTF-8 offset of its first word) and how often.
struct TextOccurrence: Equatable {
  var first: Int
  var count: Int
}
