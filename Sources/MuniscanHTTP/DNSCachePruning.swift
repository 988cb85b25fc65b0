/// When a transfer may prune libcurl's DNS cache. libcurl 7.88 (Debian 12) walks its whole DNS
/// cache at the end of every transfer, dropping entries older than the transfer's
/// `CURLOPT_DNS_CACHE_TIMEOUT`; the cache holds an entry per host, so a crawl of a thousand
/// sites at once walked a thousand entries per request (3 % of its CPU). One transfer a second
/// is given the timeout and prunes; the others are given -1 ("keep for ever"), which skips the
/// walk. Entries still go once they are `seconds` old, a second later at most, and a client
/// whose transfers are a second or more apart prunes at every one, as libcurl would.
struct DNSCachePruning {
  /// How long a resolved address is kept: libcurl's default.
  static let seconds = 60
  /// How often the cache is walked.
  static let interval = Duration.seconds(1)

  private var lastPrune: ContinuousClock.Instant?

  /// The `CURLOPT_DNS_CACHE_TIMEOUT` of a transfer started at `now`: `seconds` when it is to
  /// prune, -1 when not.
  mutating func timeout(startingAt now: ContinuousClock.Instant) -> Int {
    if let lastPrune, now - lastPrune < Self.interval { return -1 }
    lastPrune = now
    return Self.seconds
  }
}
