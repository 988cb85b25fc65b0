extension Duration {
  /// A delay given in seconds (`--delay`, a robots.txt `Crawl-delay`, a retry's backoff) as the
  /// crawler waits it: whole milliseconds, never negative.
  static func delay(seconds: Double) -> Duration {
    .milliseconds(Int64((max(0, seconds) * 1000).rounded()))
  }
}
