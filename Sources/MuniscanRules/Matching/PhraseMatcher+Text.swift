import MuniscanCore

extension PhraseMatcher {
  /// Reads a page's visible text for every phrase: for each phrase found, the UTF-8 offset in
  /// `text` of the first word of its first occurrence (where its evidence snippet is cut from)
  /// and how often it occurs.
  func occurrences(inText text: String, stemming: Stemming) -> [Int: TextOccurrence] {
    occurrences(inText: text, stems: StemCache(stemming, matcher: self))
  }

  /// The same, reading words through `stems` (a site's, so its pages share their readings).
  func occurrences(inText text: String, stems: StemCache) -> [Int: TextOccurrence] {
    // Counted by phrase id in a flat array, hashed once per phrase found rather than once per
    // occurrence: a page dense with the rules' words holds hundreds of occurrences.
    var counts = [Int32](repeating: 0, count: phraseCount)
    var found: [(phrase: Int, first: Int)] = []
    var scan = PhraseScan()
    scan.scan(text, stems: stems) { phrase, offset in
      if counts[phrase] == 0 { found.append((phrase, offset)) }
      counts[phrase] += 1
    }
    var occurrences: [Int: TextOccurrence] = Dictionary(minimumCapacity: found.count)
    for (phrase, first) in found {
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
