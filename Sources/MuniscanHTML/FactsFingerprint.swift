import MuniscanCore

/// What a page's facts depend on besides the page: the analyser's ``PageAnalyzer/factsVersion``
/// and the rule set's page locale and queries. Page facts a crawl keeps beside its archive carry
/// this fingerprint, and `score` uses them only when its own is the same, so stored facts are
/// exactly what analysing the page again would give.
///
/// FNV-1a (64 bits) over a canonical form: every part length-prefixed, sets and dictionaries
/// sorted, the queries as their sorted distinct keys (their order changes no fact). Stable
/// across processes and machines, unlike Swift's seeded `Hasher`.
public enum FactsFingerprint {
  public static func of(queries: [PageQuery], locale: PageLocale) -> UInt64 {
    var hash = FNV1a()
    hash.add("muniscan page facts \(PageAnalyzer.factsVersion)")
    hash.add(Set(queries.map(\.key)).sorted())
    let dates = locale.dates
    hash.add(dates.dayFirstMonths.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    hash.add(dates.monthFirstMonths.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    hash.add(dates.ordinals)
    hash.add(dates.numeric.map(\.rawValue).sorted())
    if let phones = locale.phones {
      hash.add(["phones", phones.countryCode, phones.trunkPrefix])
      hash.add(
        phones.nationalNumbers.sorted { $0.key < $1.key }.map { length, prefixes in
          "\(length):" + prefixes.sorted().map(String.init).joined(separator: ",")
        })
      hash.add(phones.words)
    } else {
      hash.add(["no phones"])
    }
    hash.add(locale.negations.sorted())
    hash.add(locale.newsWords.sorted())
    hash.add(locale.backWords.sorted())
    return hash.value
  }

  /// FNV-1a, fed length-prefixed strings so no two different inputs run together alike.
  private struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
      for byte in "\(text.utf8.count):".utf8 { add(byte) }
      for byte in text.utf8 { add(byte) }
    }

    mutating func add(_ texts: [String]) {
      add("\(texts.count)")
      for text in texts { add(text) }
    }

    private mutating func add(_ byte: UInt8) {
      value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
  }
}
