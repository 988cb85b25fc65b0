/// What page analysis needs to know about where a rule set's pages come from: how they write
/// dates and phone numbers.
///
/// It is read from the rule set's `locale.yml` and the language files it names, so a country is
/// data; the page analyser and the evaluator compile it once, not per page.
public struct PageLocale: Sendable, Hashable {
  public var dates: DateFormats
  /// Nil when the rule set reads no national phone numbers (only international ones in `tel:`
  /// links are recognised then).
  public var phones: PhoneFormat?

  public init(dates: DateFormats, phones: PhoneFormat?) {
    self.dates = dates
    self.phones = phones
  }

  /// No locale data: no dates and no national phone numbers, for a crawl that only follows
  /// links.
  public static let none = PageLocale(dates: DateFormats(), phones: nil)
}
