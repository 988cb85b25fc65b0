extension Site {
  /// What identifies the site from one run to the next: its host without `www.` (port and
  /// scheme left out), so a move to HTTPS or to the `www.` name keeps the site's history.
  public var historyKey: String { URLNormalizer.siteKey(url) ?? url }
}
