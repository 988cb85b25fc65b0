import Foundation

/// Moments as muniscan writes them: UTC, to the second (WARC-Date, file names, index lines).
public enum UTCTime {
  /// `2026-11-20T09:05:00Z`
  public static func iso(_ epoch: Double) -> String {
    let t = parts(epoch)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02dZ", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday,
      t.tm_hour, t.tm_min,
      t.tm_sec)
  }

  /// `20261120090500`, the timestamp in WARC file names.
  public static func compact(_ epoch: Double) -> String {
    let t = parts(epoch)
    return String(
      format: "%04d%02d%02d%02d%02d%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour,
      t.tm_min, t.tm_sec)
  }

  /// The UTC calendar day of a moment.
  public static func day(_ epoch: Double) -> Day {
    let t = parts(epoch)
    return Day(year: Int(t.tm_year) + 1900, month: Int(t.tm_mon) + 1, day: Int(t.tm_mday))!
  }

  private static func parts(_ epoch: Double) -> tm {
    var seconds = time_t(epoch.rounded(.down))
    var result = tm()
    gmtime_r(&seconds, &result)
    return result
  }
}
