/// How a country writes phone numbers, as a rule set's `locale.yml` declares it: the country
/// calling code, the trunk prefix dialled before a national number at home (Finland's `0`;
/// Estonia has none), the national significant numbers by length and first digit, and the
/// words that introduce a number in the languages of its pages (`tel`, `puh`, `тел`).
///
/// Locale data, read by the page analyser: numbers found are written `+`, the calling code and
/// the national number (`+3727401234`).
public struct PhoneFormat: Sendable, Hashable {
  /// The country calling code, digits only (`372`).
  public var countryCode: String
  /// Digits dialled before a national number within the country; empty when there are none.
  public var trunkPrefix: String
  /// For each length of a national significant number, the digits (0–9) it may start with.
  public var nationalNumbers: [Int: Set<Int>]
  /// Words after which a number written without the calling code is a phone even when it does
  /// not look grouped like one (`tel 7401234`); matched on ASCII-lower-cased text.
  public var words: [String]

  public init(
    countryCode: String, trunkPrefix: String = "", nationalNumbers: [Int: Set<Int>],
    words: [String]
  ) {
    self.countryCode = countryCode
    self.trunkPrefix = trunkPrefix
    self.nationalNumbers = nationalNumbers
    self.words = words
  }
}
