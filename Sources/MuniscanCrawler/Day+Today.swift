import Foundation
import MuniscanCore

extension Day {
  /// Today's date in UTC: the crawl date stamped on a crawl.
  public static func today() -> Day {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
  }
}
