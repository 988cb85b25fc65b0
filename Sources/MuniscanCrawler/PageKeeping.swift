import MuniscanCore

/// How a crawl keeps a site's pages until the site's result is read: one choice the site's
/// spool makes, so neither the crawler nor the session carries flags of its own for it.
public enum PageKeeping: Sendable {
  /// Every page's facts, on disk: a crawl of a thousand sites at once that judges them holds
  /// none of them in memory.
  case factsOnDisk
  /// Every page's facts, in memory, neither encoded nor decoded: a crawl of a site per
  /// processor (one replayed from an archive to be scored) need not spool them.
  case factsInMemory
  /// Each page's URL, depth and status only, on disk: a crawl whose recorder keeps the facts
  /// and which judges nothing neither spools them beside the recorder's copy nor reads them
  /// back when a site ends (a megabyte or more a site of a hundred pages).
  case addressesOnly
}
