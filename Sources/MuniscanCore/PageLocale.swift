/// What page analysis needs to know about where a rule set's pages come from: how they write
/// dates and phone numbers, the words that negate a sentence and those that mark news.
///
/// It is read from the rule set's `locale.yml` and the language files it names, so a country is
/// data; the page analyser and the evaluator compile it once, not per page.
public struct PageLocale: Sendable, Hashable {
  public var dates: DateFormats
  /// Nil when the rule set reads no national phone numbers (only international ones in `tel:`
  /// links are recognised then).
  public var phones: PhoneFormat?
  /// Words that make a sentence say the opposite ("ei", "не", "not"), folded as page text is:
  /// a sentence that names a thing with one of them says the thing is not there.
  public var negations: Set<String>
  /// Words that name news in an address (`uudised`, `news`, `новости`), folded: a page under
  /// such a path is a news item or a news list.
  public var newsWords: Set<String>
  /// The words of a link back to the list a page came from (`tagasi`, `back`, `назад`), folded.
  public var backWords: Set<String>

  public init(
    dates: DateFormats, phones: PhoneFormat?, negations: Set<String> = [],
    newsWords: Set<String> = [], backWords: Set<String> = []
  ) {
    self.dates = dates
    self.phones = phones
    self.negations = negations
    self.newsWords = newsWords
    self.backWords = backWords
  }

  /// No locale data: no dates and no national phone numbers, for a crawl that only follows
  /// links.
  public static let none = PageLocale(dates: DateFormats(), phones: nil)
}
