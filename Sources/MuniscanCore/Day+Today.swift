import Foundation

extension Day {
  /// Today's date in UTC: the crawl date stamped on a crawl.
  public static func today() -> Day { UTCTime.day(Date().timeIntervalSince1970) }
}
